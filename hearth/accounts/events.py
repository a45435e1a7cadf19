EVENTS = {
    "USER_SIGNED_IN": "A member of staff signed in",
    "USER_SIGNED_OUT": "A member of staff signed out",
    "SIGN_IN_FAILED": "Someone failed to sign in",
    "SESSION_EXPIRED": "A session ended after inactivity",
    "USER_CREATED": "A staff account was created",
    "TEAM_CREATED": "A team was created",
    "API_TOKEN_ISSUED": "An API token was issued",
}
