-- A round moved back to an earlier phase (discussion back to scoring, say): the secretariat
-- must say why, and the results page shows that it happened, so nobody is surprised by
-- figures that change after the discussion began.
CREATE TABLE round_phase_changes (
    id SERIAL PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    from_phase TEXT NOT NULL,
    to_phase TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_by INTEGER NOT NULL REFERENCES users (id),
    changed_at TIMESTAMP NOT NULL
);
CREATE INDEX round_phase_changes_round ON round_phase_changes (round_id);
