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

CREATE FUNCTION nominations_search() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_index WHERE kind = 'nomination' AND item_id = OLD.id;
        RETURN NULL;
    END IF;
    INSERT INTO search_index (kind, item_id, body)
    VALUES ('nomination', NEW.id, concat_ws(E'\n', NEW.reference, NEW.agency_name, NEW.org_number, NEW.contact_name, NEW.title, NEW.summary, NEW.background, NEW.what_was_done, NEW.results, NEW.user_effects, NEW.transfer_value, NEW.other_agencies, NEW.exclusion_reason))
    ON CONFLICT (kind, item_id) DO UPDATE SET body = EXCLUDED.body;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER nominations_search AFTER INSERT OR UPDATE OR DELETE ON nominations
    FOR EACH ROW EXECUTE FUNCTION nominations_search();
INSERT INTO search_index (kind, item_id, body)
SELECT 'nomination', nominations.id, concat_ws(E'\n', nominations.reference, nominations.agency_name, nominations.org_number, nominations.contact_name, nominations.title, nominations.summary, nominations.background, nominations.what_was_done, nominations.results, nominations.user_effects, nominations.transfer_value, nominations.other_agencies, nominations.exclusion_reason) FROM nominations;

CREATE FUNCTION tips_search() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_index WHERE kind = 'tip' AND item_id = OLD.id;
        RETURN NULL;
    END IF;
    INSERT INTO search_index (kind, item_id, body)
    VALUES ('tip', NEW.id, concat_ws(E'\n', NEW.reference, NEW.initiative, NEW.agency, NEW.reason, NEW.tipster_name, NEW.closed_reason))
    ON CONFLICT (kind, item_id) DO UPDATE SET body = EXCLUDED.body;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER tips_search AFTER INSERT OR UPDATE OR DELETE ON tips
    FOR EACH ROW EXECUTE FUNCTION tips_search();
INSERT INTO search_index (kind, item_id, body)
SELECT 'tip', tips.id, concat_ws(E'\n', tips.reference, tips.initiative, tips.agency, tips.reason, tips.tipster_name, tips.closed_reason) FROM tips;
