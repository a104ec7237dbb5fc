# The tip forwarded to the secretariat (email.rs, templates/email/tip_forward.*): always
# in bokmål, written to the secretariat; the other languages keep the ids in step.
tip-forward-initiative = Tiltaket
tip-forward-agency = Virksomheten som står bak
tip-forward-reason = Hvorfor tiltaket fortjener prisen
tip-forward-tipster-name = Tipserens navn
tip-forward-tipster-email = Tipserens e-postadresse
