-- Nonces of signed requests (CONTRACT §10, §11): each accepted once per signing key within the
-- timestamp window, on every node, so they live in the shared database. The key is a hash of the
-- signing key's id and the nonce (bounded length whatever the client sends); a timer deletes the
-- rows whose window has passed, after which the timestamp check alone refuses a replay.
CREATE TABLE signature_nonce (
    nonce_hash  VARCHAR(64) PRIMARY KEY,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX signature_nonce_expiry_idx ON signature_nonce (expires_at);
