-- Reminders the secretariat sends by hand from the dashboard: at most one per juror, round
-- and day (Norwegian date). The unique key makes it the database's decision, so a double
-- click, two members of the secretariat at once or two instances send it once.
CREATE TABLE jury_reminders_by_hand (
    id INTEGER PRIMARY KEY NOT NULL,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    juror_id INTEGER NOT NULL REFERENCES users (id),
    sent_on DATE NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    UNIQUE (round_id, juror_id, sent_on)
);
