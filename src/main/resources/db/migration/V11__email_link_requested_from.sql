-- Where the request that made a link came from — the browser and the client address of a registration — so that the
-- page the link opens can say "registered on … from …" to whoever owns the mailbox, who then knows whether it was
-- them. Links from before stay without it.
ALTER TABLE email_link ADD COLUMN requested_from VARCHAR(300);
