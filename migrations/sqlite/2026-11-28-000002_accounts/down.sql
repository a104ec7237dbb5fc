DROP TABLE account_tokens;
DROP TABLE sessions;
DROP TABLE users;
