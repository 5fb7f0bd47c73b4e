-- Limits that hold across the cluster (docs/design.md, "Cluster"), counted in the shared database
-- instead of each node's memory.
-- Failed token requests per client id and per source address, in one-minute windows
-- (TokenRequestThrottle): one row a key (its kind and the SHA-256 of the client id or address, so
-- no client text is stored), its window and its count.
CREATE TABLE token_failure_window (
    throttle_key VARCHAR(80) PRIMARY KEY,
    window_start BIGINT NOT NULL,
    failures     INTEGER NOT NULL
);
-- File uploads streaming now, for the per-account limit (UploadGate): a row an upload, written when
-- it is let in and deleted when it ends; its node refreshes alive_at while bytes arrive, so the row
-- of an upload whose node died stops counting once it is older than the lease.
CREATE TABLE upload_in_flight (
    id         VARCHAR(32) PRIMARY KEY,
    account_id BIGINT NOT NULL,
    alive_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX upload_in_flight_account_idx ON upload_in_flight (account_id, alive_at);
