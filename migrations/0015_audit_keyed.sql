-- From here on the app keys each audit row's hash with HMAC-SHA-256 under a key derived from
-- the master key, which the database never holds. Rows written before keep their plain
-- SHA-256 hash and keyed = false; `audit verify` checks them that way up to the first keyed
-- row, which links to the last of them, and refuses unkeyed rows after it.
ALTER TABLE "audit_log" ADD COLUMN "keyed" boolean DEFAULT false NOT NULL;
