EVENTS = {
    "USER_SIGNED_IN": "A member of staff signed in",
    "USER_SIGNED_OUT": "A member of staff signed out",
    "SIGN_IN_FAILED": "Someone failed to sign in",
    "SESSION_EXPIRED": "A session ended after inactivity",
    "USER_CREATED": "A staff account was created",
    "TEAM_CREATED": "A team was created",
    "API_TOKEN_ISSUED": "An API token was issued",
    "TWO_FACTOR_ENROLLED": "A member of staff set up an authenticator app",
    "TWO_FACTOR_VERIFIED": "A member of staff gave a correct two-factor code",
    "TWO_FACTOR_FAILED": "A wrong two-factor code was given",
    "TWO_FACTOR_RESET": "A member of staff's authenticator app was removed",
}
