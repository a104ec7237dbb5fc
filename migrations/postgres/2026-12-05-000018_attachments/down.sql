DROP TABLE nomination_attachments;
