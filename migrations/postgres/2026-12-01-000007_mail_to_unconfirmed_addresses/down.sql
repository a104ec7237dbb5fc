DROP TABLE receipt_counts;
DROP INDEX outbox_recipient_hash;
ALTER TABLE outbox_messages DROP COLUMN live_link;
ALTER TABLE outbox_messages DROP COLUMN recipient_hash;
