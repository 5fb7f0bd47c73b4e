-- Fair scheduling of imports across accounts (docs/design.md, "Import slots"): when a slot frees,
-- the next import comes from the account whose last import started longest ago. That instant is
-- MAX(started_at) of the account's requests, read through this index rather than kept anywhere
-- else, so every node of a cluster sees the same turn order in the shared database.
CREATE INDEX upload_request_account_started_idx ON upload_request (account_id, started_at);
