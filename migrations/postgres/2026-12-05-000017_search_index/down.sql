DROP TRIGGER tips_search ON tips;
DROP TRIGGER nominations_search ON nominations;
DROP FUNCTION search_document();
DROP TABLE search_index;
