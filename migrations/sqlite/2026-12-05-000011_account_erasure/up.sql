-- When a staff account was anonymised (erased at the person's request, or purged a set
-- time after it was disabled): its name and address are gone, its id stays, so the jury's
-- record (scores, assessments, conflict declarations, decisions, the audit log) keeps
-- pointing at one account. An erased account cannot be enabled again.
ALTER TABLE users ADD COLUMN erased_at TIMESTAMP;
