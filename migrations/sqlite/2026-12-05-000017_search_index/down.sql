DROP TRIGGER tips_search_delete;
DROP TRIGGER tips_search_update;
DROP TRIGGER tips_search_insert;
DROP TRIGGER nominations_search_delete;
DROP TRIGGER nominations_search_update;
DROP TRIGGER nominations_search_insert;
DROP TABLE search_index;
