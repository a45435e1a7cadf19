EVENTS = {
    "HEALTH_CHECK_RECORDED": "A health assessment or dental check was recorded",
    "IMMUNISATIONS_RECORDED": "Whether a child's immunisations are up to date was recorded",
    "SDQ_RECORDED": "A strengths and difficulties questionnaire was recorded",
    "PEP_RECORDED": "A personal education plan meeting was recorded",
    "EDUCATION_CONTACT_RECORDED": "Contact with a school or the Virtual School was recorded",
}
