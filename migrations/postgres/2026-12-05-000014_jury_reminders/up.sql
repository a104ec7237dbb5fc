-- The reminders sent to jurors before a round's jury deadline (jury.reminder_days): one
-- row per juror, round, deadline and reminder. The unique key makes "once per reminder"
-- the database's decision, so two runs or two instances never send it twice; a moved
-- deadline gets its own reminders.
CREATE TABLE jury_reminders (
    id SERIAL PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    juror_id INTEGER NOT NULL REFERENCES users (id),
    jury_deadline DATE NOT NULL,
    days_before INTEGER NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    UNIQUE (round_id, juror_id, jury_deadline, days_before)
);
