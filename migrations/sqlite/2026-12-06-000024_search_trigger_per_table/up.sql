-- Nothing to change on SQLite: its search triggers (000017) name their columns already.
-- This version exists so both backends have the same list of migrations.
SELECT 1;
