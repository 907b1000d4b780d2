-- How each organization receives the bulletin: its own system's webhook (signed JSON), e-mail,
-- or paper only. The shared secret signs webhook bodies; the API never shows it.
alter table organization
    add column channel        varchar(8)   not null default 'PAPER' check (channel in ('WEBHOOK', 'EMAIL', 'PAPER')),
    add column webhook_url    varchar(500),
    add column webhook_secret varchar(200),
    add column email          varchar(200),
    add constraint organization_webhook_complete check (channel <> 'WEBHOOK' or (webhook_url is not null and webhook_secret is not null)),
    add constraint organization_email_complete check (channel <> 'EMAIL' or email is not null);
