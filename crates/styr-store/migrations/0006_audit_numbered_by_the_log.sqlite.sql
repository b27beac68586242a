-- PostgreSQL's 0006 mends a race between concurrent writers; SQLite has one writer at a time,
-- and 0005's check stands as it is.
SELECT 1;
