DROP TABLE nomination_drafts;
