-- Nonces of signed requests (CONTRACT §10, §11): each accepted once per signing key within the
-- timestamp window, on every node, so they live in the shared database. The key is a hash of the
-- signing key's id and the nonce (bounded length whatever the client sends); a timer deletes the
-- rows whose window has passed, after which the timestamp check alone refuses a replay.
CREATE TABLE signature_nonce (
    nonce_hash  VARCHAR(64) PRIMARY KEY,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX signature_nonce_expiry_idx ON signature_nonce (expires_at);

-- Requests whose file the server downloads (Alibaba's FileUrl, CONTRACT §10): the URL, sealed like
-- the signing keys' secrets (such URLs often carry a signature of their own), and when a node
-- started downloading it (a download that outlives its node is taken over after a while).
ALTER TABLE upload_request ADD COLUMN sealed_file_url VARCHAR(4096);
ALTER TABLE upload_request ADD COLUMN fetch_started_at TIMESTAMP(6) WITH TIME ZONE;
