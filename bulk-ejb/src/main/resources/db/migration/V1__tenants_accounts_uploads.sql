-- Tenants (the contract's "customers"), their accounts, API clients, tokens, customer lists and
-- upload requests. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
-- Sequences step by 50 to match the JPA allocation size (ids come in blocks, inserts batch).

CREATE SEQUENCE tenant_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE customer_list_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE tenant (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE account (
    id               BIGINT PRIMARY KEY,
    tenant_id        BIGINT NOT NULL REFERENCES tenant (id),
    name             VARCHAR(255) NOT NULL,
    default_list_id  BIGINT,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX account_tenant_idx ON account (tenant_id);

CREATE TABLE api_client (
    client_id             VARCHAR(64) PRIMARY KEY,
    tenant_id             BIGINT NOT NULL REFERENCES tenant (id),
    name                  VARCHAR(255) NOT NULL,
    secret_hash           VARCHAR(200) NOT NULL,
    developer_token_hash  VARCHAR(64) NOT NULL,
    revoked               BOOLEAN NOT NULL,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE access_token (
    token_hash  VARCHAR(64) PRIMARY KEY,
    client_id   VARCHAR(64) NOT NULL REFERENCES api_client (client_id),
    issued_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX access_token_expiry_idx ON access_token (expires_at);

CREATE TABLE customer_list (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES account (id),
    name        VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_list_account_idx ON customer_list (account_id);

CREATE TABLE upload_request (
    request_id            VARCHAR(64) PRIMARY KEY,
    account_id            BIGINT NOT NULL REFERENCES account (id),
    customer_list_id      BIGINT NOT NULL REFERENCES customer_list (id),
    response_mode         VARCHAR(32) NOT NULL,
    lookup_field          VARCHAR(32) NOT NULL,
    partition_name        VARCHAR(255) NOT NULL,
    client_request_token  VARCHAR(100),
    client_id             VARCHAR(64) NOT NULL,
    status                VARCHAR(40) NOT NULL,
    percent_complete      INTEGER NOT NULL,
    rows_processed        BIGINT NOT NULL,
    rows_failed           BIGINT NOT NULL,
    rows_with_warning     BIGINT NOT NULL,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    upload_deadline       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version               BIGINT NOT NULL,
    CONSTRAINT upload_request_token_uk UNIQUE (account_id, client_request_token)
);
CREATE INDEX upload_request_status_idx ON upload_request (status, upload_deadline);
CREATE INDEX upload_request_account_status_idx ON upload_request (account_id, status);

CREATE TABLE upload_request_error (
    request_id  VARCHAR(64) NOT NULL REFERENCES upload_request (request_id),
    position    INTEGER NOT NULL,
    code        INTEGER NOT NULL,
    error_code  VARCHAR(64) NOT NULL,
    message     VARCHAR(1000) NOT NULL,
    details     VARCHAR(2000),
    PRIMARY KEY (request_id, position)
);

-- One row, inserted by whichever node bootstraps first; its primary key stops a second node.
CREATE TABLE bootstrap_marker (
    id            INTEGER PRIMARY KEY,
    completed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
