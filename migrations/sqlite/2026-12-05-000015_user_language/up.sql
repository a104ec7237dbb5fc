-- The language a staff member last used the portal in ("nb", "nn", "en"), so mail the
-- portal sends them on its own (a jury reminder) is in their language. Unknown: bokmål.
ALTER TABLE users ADD COLUMN language TEXT;
