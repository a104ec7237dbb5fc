-- One search document per nomination and per tip: every text field the secretariat may
-- look for (content, agency, contact and tipster names, reasons; no e-mail addresses),
-- kept in step with every write by triggers, so no code path (the public form, the
-- nominee's edit link, screening, triage, a privacy erase) can forget it.
-- PostgreSQL's own full-text search with the `norwegian` configuration (Snowball stemming:
-- "innkjøpene" is indexed as "innkjøp"), in a stored tsvector under a GIN index.
CREATE TABLE search_index (
    kind TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    body TEXT NOT NULL,
    document TSVECTOR GENERATED ALWAYS AS (to_tsvector('norwegian', body)) STORED,
    PRIMARY KEY (kind, item_id)
);
CREATE INDEX search_index_document ON search_index USING GIN (document);

-- One trigger function for both tables: its arguments are the kind of document, then the
-- columns that make up its text, in order (NULLs left out, as concat_ws does).
CREATE FUNCTION search_document() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_index WHERE kind = TG_ARGV[0] AND item_id = OLD.id;
        RETURN NULL;
    END IF;
    INSERT INTO search_index (kind, item_id, body)
    SELECT TG_ARGV[0], NEW.id, coalesce(string_agg(to_jsonb(NEW) ->> field, E'\n' ORDER BY n), '')
    FROM unnest(TG_ARGV[1:]) WITH ORDINALITY AS columns (field, n)
    ON CONFLICT (kind, item_id) DO UPDATE SET body = EXCLUDED.body;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER nominations_search AFTER INSERT OR UPDATE OR DELETE ON nominations
    FOR EACH ROW EXECUTE FUNCTION search_document('nomination', 'reference', 'agency_name', 'org_number', 'contact_name', 'title', 'summary', 'background', 'what_was_done', 'results', 'user_effects', 'transfer_value', 'other_agencies', 'exclusion_reason');

CREATE TRIGGER tips_search AFTER INSERT OR UPDATE OR DELETE ON tips
    FOR EACH ROW EXECUTE FUNCTION search_document('tip', 'reference', 'initiative', 'agency', 'reason', 'tipster_name', 'closed_reason');

-- The documents of what is there already (each row's trigger writes it).
UPDATE nominations SET id = id;
UPDATE tips SET id = id;
