ALTER TABLE tips DROP COLUMN triaged_at;
ALTER TABLE tips DROP COLUMN closed_reason;
