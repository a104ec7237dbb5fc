-- Mail to addresses nobody has confirmed (receipts) and mail that carries a live link.
--
-- recipient_hash: SHA-256 of the recipient's bare address in lower case. Kept when the
-- recipient itself is erased, so a person's data can still be found (privacy export) and a
-- delivered copy says to whom without naming them. NULL on rows from before this migration.
ALTER TABLE outbox_messages ADD COLUMN recipient_hash TEXT;
-- live_link: the body holds a one-time link (edit link, invitation, password reset); it is
-- erased in the transaction that records the delivery.
ALTER TABLE outbox_messages ADD COLUMN live_link BOOLEAN NOT NULL DEFAULT 0;
UPDATE outbox_messages SET live_link = 1
    WHERE purpose IN ('nomination_receipt', 'account_invite', 'account_reset');
-- Links already delivered are erased now; their recipient goes after mail.keep_sent_days.
UPDATE outbox_messages SET body_text = '', body_html = NULL
    WHERE live_link = 1 AND status = 'sent';
CREATE INDEX outbox_recipient_hash ON outbox_messages (recipient_hash);

-- Receipts queued per recipient (hashed, as above) and UTC day, to cap how many one
-- address gets (rate_limit.receipts_per_address_per_day). Old days are deleted.
CREATE TABLE receipt_counts (
    recipient_hash TEXT NOT NULL,
    day DATE NOT NULL,
    receipts INTEGER NOT NULL,
    PRIMARY KEY (recipient_hash, day)
);
