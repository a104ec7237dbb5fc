-- The secretariat's triage of a tip: why it was closed, and when its state last changed.
-- (`triage_state` and `nomination_id` were there from the start.)
ALTER TABLE tips ADD COLUMN closed_reason TEXT;
ALTER TABLE tips ADD COLUMN triaged_at TIMESTAMP;
