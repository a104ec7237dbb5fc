DROP TABLE library_entries;
