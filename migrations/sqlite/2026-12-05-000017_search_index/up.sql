-- One search document per nomination and per tip: every text field the secretariat may
-- look for (content, agency, contact and tipster names, reasons; no e-mail addresses),
-- kept in step with every write by triggers, so no code path (the public form, the
-- nominee's edit link, screening, triage, a privacy erase) can forget it.
-- FTS5, tokenised without removing diacritics, so "lån" and "lan" stay apart. SQLite has
-- no Norwegian stemmer: queries are stemmed in Rust and matched as prefixes (see
-- src/domain/search.rs). The rowid is 2 × id for a nomination and 2 × id + 1 for a tip.
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,
    item_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER nominations_search_insert AFTER INSERT ON nominations BEGIN
    INSERT INTO search_index (rowid, kind, item_id, body)
    VALUES (2 * NEW.id, 'nomination', NEW.id,
        NEW.reference || char(10) || NEW.agency_name || char(10) || NEW.org_number || char(10) || NEW.contact_name || char(10) || NEW.title || char(10) || NEW.summary || char(10) || NEW.background || char(10) || NEW.what_was_done || char(10) || NEW.results || char(10) || NEW.user_effects || char(10) || NEW.transfer_value || char(10) || coalesce(NEW.other_agencies, '') || char(10) || coalesce(NEW.exclusion_reason, ''));
END;
CREATE TRIGGER nominations_search_update AFTER UPDATE ON nominations BEGIN
    DELETE FROM search_index WHERE rowid = 2 * OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, body)
    VALUES (2 * NEW.id, 'nomination', NEW.id,
        NEW.reference || char(10) || NEW.agency_name || char(10) || NEW.org_number || char(10) || NEW.contact_name || char(10) || NEW.title || char(10) || NEW.summary || char(10) || NEW.background || char(10) || NEW.what_was_done || char(10) || NEW.results || char(10) || NEW.user_effects || char(10) || NEW.transfer_value || char(10) || coalesce(NEW.other_agencies, '') || char(10) || coalesce(NEW.exclusion_reason, ''));
END;
CREATE TRIGGER nominations_search_delete AFTER DELETE ON nominations BEGIN
    DELETE FROM search_index WHERE rowid = 2 * OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, body)
SELECT 2 * nominations.id, 'nomination', nominations.id, nominations.reference || char(10) || nominations.agency_name || char(10) || nominations.org_number || char(10) || nominations.contact_name || char(10) || nominations.title || char(10) || nominations.summary || char(10) || nominations.background || char(10) || nominations.what_was_done || char(10) || nominations.results || char(10) || nominations.user_effects || char(10) || nominations.transfer_value || char(10) || coalesce(nominations.other_agencies, '') || char(10) || coalesce(nominations.exclusion_reason, '') FROM nominations;

CREATE TRIGGER tips_search_insert AFTER INSERT ON tips BEGIN
    INSERT INTO search_index (rowid, kind, item_id, body)
    VALUES (2 * NEW.id + 1, 'tip', NEW.id,
        NEW.reference || char(10) || NEW.initiative || char(10) || NEW.agency || char(10) || NEW.reason || char(10) || coalesce(NEW.tipster_name, '') || char(10) || coalesce(NEW.closed_reason, ''));
END;
CREATE TRIGGER tips_search_update AFTER UPDATE ON tips BEGIN
    DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1;
    INSERT INTO search_index (rowid, kind, item_id, body)
    VALUES (2 * NEW.id + 1, 'tip', NEW.id,
        NEW.reference || char(10) || NEW.initiative || char(10) || NEW.agency || char(10) || NEW.reason || char(10) || coalesce(NEW.tipster_name, '') || char(10) || coalesce(NEW.closed_reason, ''));
END;
CREATE TRIGGER tips_search_delete AFTER DELETE ON tips BEGIN
    DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1;
END;
INSERT INTO search_index (rowid, kind, item_id, body)
SELECT 2 * tips.id + 1, 'tip', tips.id, tips.reference || char(10) || tips.initiative || char(10) || tips.agency || char(10) || tips.reason || char(10) || coalesce(tips.tipster_name, '') || char(10) || coalesce(tips.closed_reason, '') FROM tips;
