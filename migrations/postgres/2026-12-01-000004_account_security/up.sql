-- An account can be switched off (a juror leaving the jury, a lost laptop): it cannot log
-- in, its sessions are ended, and its open links no longer work. NULL: active.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP;
