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

DROP TRIGGER nominations_search ON nominations;
DROP TRIGGER tips_search ON tips;
DROP FUNCTION nomination_search_document();
DROP FUNCTION tip_search_document();

CREATE TRIGGER nominations_search AFTER INSERT OR UPDATE OR DELETE ON nominations
    FOR EACH ROW EXECUTE FUNCTION search_document('nomination', 'reference', 'agency_name', 'org_number', 'contact_name', 'title', 'summary', 'background', 'what_was_done', 'results', 'user_effects', 'transfer_value', 'other_agencies', 'exclusion_reason');
CREATE TRIGGER tips_search AFTER INSERT OR UPDATE OR DELETE ON tips
    FOR EACH ROW EXECUTE FUNCTION search_document('tip', 'reference', 'initiative', 'agency', 'reason', 'tipster_name', 'closed_reason');
