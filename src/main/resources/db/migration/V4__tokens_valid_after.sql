-- Access tokens issued before this instant are refused on the auth host: set when the person signs out
-- everywhere, changes their password or is deactivated (downstream services keep the access token's own expiry).
ALTER TABLE latchkey_user ADD COLUMN tokens_valid_after TIMESTAMP WITH TIME ZONE;
