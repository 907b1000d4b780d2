-- Webhook secrets are encrypted at rest (AES-256-GCM, distribution-service's KeyRing): the sealed
-- bytes (12-byte nonce || ciphertext || 16-byte tag, the organization's id as associated data) and
-- the id of the key that sealed them, side by side. webhook_secret keeps only secrets in plain text
-- that still wait to be sealed: the rows of before this version, or one written by a replica of the
-- previous version during a rolling upgrade. The service seals them at start (WebhookSecretResealer)
-- and clears the plain column; a plain secret, when present, is the newest one.
alter table organization
    add column webhook_secret_key_id varchar(40),
    add column webhook_secret_sealed bytea,
    add constraint organization_webhook_secret_sealed_with_key
        check ((webhook_secret_sealed is null) = (webhook_secret_key_id is null)),
    drop constraint organization_webhook_complete,
    add constraint organization_webhook_complete
        check (channel <> 'WEBHOOK' or (webhook_url is not null and (webhook_secret is not null or webhook_secret_sealed is not null)));
