-- Where each sign-in was last used: every refresh-token row keeps the client address and the User-Agent of the
-- request that made it (the sign-in, or the refresh that rotated to it), so a family's live row says where it was
-- last used, and the account page can list "where you're signed in". Rows from before stay without them.
ALTER TABLE refresh_token ADD COLUMN client_address VARCHAR(64);
ALTER TABLE refresh_token ADD COLUMN user_agent VARCHAR(300);
