-- Refresh tokens: the official Bing Ads SDKs renew an expired access token (fault 109) with the
-- refresh token of the token response. Stored hashed like access tokens; each is used once.
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64) PRIMARY KEY,
    client_id   VARCHAR(64) NOT NULL REFERENCES api_client (client_id),
    issued_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX refresh_token_expiry_idx ON refresh_token (expires_at);

-- Phones are stored and matched in their normal form (CONTRACT §5, Dec 2026): the separators
-- people write (space, -, ., parentheses) removed. Before this, only the normal form was accepted,
-- so stored phones have none; this keeps that true for any row written otherwise.
UPDATE customer
   SET phone = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(phone, ' ', ''), '-', ''), '.', ''), '(', ''), ')', '')
 WHERE phone IS NOT NULL
   AND (phone LIKE '% %' OR phone LIKE '%-%' OR phone LIKE '%.%' OR phone LIKE '%(%' OR phone LIKE '%)%');

-- Every request says which protocol created it (CONTRACT §8: an account's uploads are listed
-- whatever their protocol); all requests before this one came over the Bing API.
ALTER TABLE upload_request ADD COLUMN protocol VARCHAR(16) DEFAULT 'Bing' NOT NULL;
-- listing an account's requests newest first, page by page
CREATE INDEX upload_request_account_created_idx ON upload_request (account_id, created_at, request_id);

-- The account a client acts on when its protocol names none (Marketo, Taobao: CONTRACT §7);
-- without one, the customer's first account.
ALTER TABLE api_client ADD COLUMN default_account_id BIGINT REFERENCES account (id);
