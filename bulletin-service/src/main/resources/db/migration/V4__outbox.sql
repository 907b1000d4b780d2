-- The outbox: a message written in the same transaction as the publication it reports, relayed to
-- distribution-service until it is accepted, then deleted. One dispatch message per issue.
create table outbox_message (
    id              uuid primary key,
    bulletin_id     uuid          not null,
    kind            varchar(20)   not null check (kind in ('DISPATCH')),
    payload         text          not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(500),
    -- the request id of the change (the publish call), carried on to the receiver
    request_id      varchar(100),
    created_at      timestamptz   not null,
    constraint outbox_once unique (bulletin_id, kind)
);
create index outbox_due_idx on outbox_message (next_attempt_at);
