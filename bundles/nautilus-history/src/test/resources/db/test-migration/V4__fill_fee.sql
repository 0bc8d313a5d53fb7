-- A later schema version, for the tests that an older store refuses a newer database.
ALTER TABLE fills ADD COLUMN fee BIGINT;
