-- The jury's work: rounds get their jury dates and phase, a rubric, screening of
-- nominations, assignments, affiliations and conflicts of interest, scores and holistic
-- assessments, and the jury's recorded decisions.

-- phase: 'nominations' (open for nominations), 'scoring' (jurors score independently),
-- 'discussion' (everyone sees everything, to discuss), 'decided'.
ALTER TABLE rounds ADD COLUMN jury_deadline DATE;
ALTER TABLE rounds ADD COLUMN conference_date DATE;
ALTER TABLE rounds ADD COLUMN phase TEXT NOT NULL DEFAULT 'nominations';
-- Standard deviation (on the 0–5 scale) above which disagreement is flagged.
ALTER TABLE rounds ADD COLUMN disagreement_threshold DOUBLE PRECISION NOT NULL DEFAULT 1.0;

-- The rubric: criteria with weights, per round. Locked once the first score is given.
CREATE TABLE criteria (
    id INTEGER PRIMARY KEY NOT NULL,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    weight DOUBLE PRECISION NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (round_id, code)
);

-- Screening: status is 'submitted', 'eligible' or 'excluded' (with a reason). A nomination
-- carried into a later round keeps its reference and records where it came from.
ALTER TABLE nominations ADD COLUMN exclusion_reason TEXT;
-- (No foreign key: SQLite cannot drop a column that has one, and the down migration does.)
ALTER TABLE nominations ADD COLUMN carried_from_round_id INTEGER;

-- Explicit assignments; a round without any gives every juror every eligible nomination.
CREATE TABLE assignments (
    id INTEGER PRIMARY KEY NOT NULL,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    juror_id INTEGER NOT NULL REFERENCES users (id),
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    UNIQUE (juror_id, nomination_id)
);

-- A juror's ties to organisations (forvaltningsloven § 6): a nomination from one of these
-- organisations is flagged for the juror.
CREATE TABLE affiliations (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    org_number TEXT NOT NULL,
    organisation TEXT NOT NULL,
    role TEXT NOT NULL,
    period_from DATE,
    period_to DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX affiliations_org ON affiliations (org_number);

-- A conflict a juror declared (or the secretariat recorded), and the secretariat's
-- decision: status 'declared' (awaiting), 'upheld' (the juror is conflicted) or 'dismissed'.
-- 'declared' and 'upheld' both keep the juror out.
CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    juror_id INTEGER NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    decision_note TEXT,
    decided_by INTEGER REFERENCES users (id),
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (nomination_id, juror_id)
);

-- One score per juror, nomination and criterion, each with its justification.
CREATE TABLE scores (
    id INTEGER PRIMARY KEY NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    juror_id INTEGER NOT NULL REFERENCES users (id),
    criterion_id INTEGER NOT NULL REFERENCES criteria (id),
    value INTEGER NOT NULL,
    justification TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (juror_id, nomination_id, criterion_id)
);

-- A juror's holistic assessment of a nomination; submitted_at set means submitted and
-- locked (the secretariat can reopen it).
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    juror_id INTEGER NOT NULL REFERENCES users (id),
    holistic TEXT NOT NULL,
    submitted_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (juror_id, nomination_id)
);

-- The jury's decisions: kind 'shortlist', 'finalists' or 'winner', with the rationale
-- (begrunnelse). The latest decision of a kind is the one in force.
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY NOT NULL,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    kind TEXT NOT NULL,
    rationale TEXT NOT NULL,
    departs_from_ranking BOOLEAN NOT NULL,
    decided_by INTEGER NOT NULL REFERENCES users (id),
    decided_at TIMESTAMP NOT NULL
);

CREATE TABLE decision_nominations (
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    PRIMARY KEY (decision_id, nomination_id)
);

-- Jurors recorded absent from a decision on a nomination because they were conflicted.
CREATE TABLE decision_absences (
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    juror_id INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (decision_id, nomination_id, juror_id)
);
