DROP TABLE audit_events;
DROP TABLE outbox_attempts;
DROP TABLE outbox_messages;
DROP TABLE tips;
DROP TABLE nominations;
DROP TABLE rounds;
DROP TABLE sequences;
