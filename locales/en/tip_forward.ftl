# The tip forwarded to the secretariat (email.rs, templates/email/tip_forward.*): always
# in bokmål, written to the secretariat; the other languages keep the ids in step.
tip-forward-initiative = The initiative
tip-forward-agency = The agency behind it
tip-forward-reason = Why the initiative deserves the prize
tip-forward-tipster-name = The tipster's name
tip-forward-tipster-email = The tipster's e-mail address
