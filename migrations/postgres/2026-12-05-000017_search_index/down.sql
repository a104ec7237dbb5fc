DROP TRIGGER tips_search ON tips;
DROP FUNCTION tips_search();
DROP TRIGGER nominations_search ON nominations;
DROP FUNCTION nominations_search();
DROP TABLE search_index;
