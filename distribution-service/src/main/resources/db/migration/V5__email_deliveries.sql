-- The worker now sends e-mail as well as webhooks: its queue is every PENDING delivery with a
-- next attempt (paper deliveries have none; an operator records them).
drop index delivery_due_idx;
create index delivery_due_idx on delivery (next_attempt_at) where status = 'PENDING' and next_attempt_at is not null;
-- e-mail deliveries made before the worker sent e-mail: due now
update delivery set next_attempt_at = now() where status = 'PENDING' and channel = 'EMAIL' and next_attempt_at is null;
