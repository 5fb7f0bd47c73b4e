-- A token's scope (OAuth 2.0, RFC 6749 section 3.3): 'bulk' for API integrations, 'console' for
-- the web console's sign-in (docs/console.md), which calls the API without a DeveloperToken and
-- whose uploads are listed with Protocol Console. A refresh keeps the scope of its refresh token.
ALTER TABLE access_token ADD COLUMN scope VARCHAR(16) DEFAULT 'bulk' NOT NULL;
ALTER TABLE refresh_token ADD COLUMN scope VARCHAR(16) DEFAULT 'bulk' NOT NULL;
