# The tip forwarded to the secretariat (email.rs, templates/email/tip_forward.*): always
# in bokmål, written to the secretariat; the other languages keep the ids in step.
tip-forward-initiative = Tiltaket
tip-forward-agency = Verksemda som står bak
tip-forward-reason = Kvifor tiltaket fortener prisen
tip-forward-tipster-name = Namnet til tipsaren
tip-forward-tipster-email = E-postadressa til tipsaren
