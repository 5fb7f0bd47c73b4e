-- Signing keys (CONTRACT §7): the key pairs of the signed protocols, Alibaba Cloud's
-- AccessKeyId/AccessKeySecret and Taobao TOP's app_key/secret, each bound to one account. The
-- server recomputes signatures with the secret, so it cannot be hashed: it is stored sealed
-- (AES-256-GCM under the server's master key, the key id as associated data), never in plain.
-- Revocation is a column read on every verification: at once, on every node.
CREATE TABLE signing_key (
    key_id         VARCHAR(64) PRIMARY KEY,
    account_id     BIGINT NOT NULL REFERENCES account (id),
    name           VARCHAR(255) NOT NULL,
    sealed_secret  VARCHAR(512) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX signing_key_account_idx ON signing_key (account_id);
