EVENTS = {
    "CONTACT_RECORDED": "A contact about a child was recorded at the front door",
    "CONTACT_RATED": "A contact was given (or changed) its RAG rating",
    "CONTACT_DECIDED": "A manager decided what happens to a contact",
    "REFERRAL_RECORDED": "A referral to children's social care was recorded (an episode began)",
    "REFERRAL_CHANGED": "A referral's details were changed",
    "REFERRAL_CLOSED": "An episode of need was closed with its reason",
}
