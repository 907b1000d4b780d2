-- The sending of one published bulletin issue to its lists. A bulletin has one dispatch; a resend
-- (重发) adds the next round.
create table dispatch (
    id             uuid primary key,
    bulletin_id    uuid          not null,
    round          integer       not null,
    issue_label    varchar(40)   not null,
    title          varchar(200)  not null,
    summary        varchar(2000),
    link           varchar(500),
    lists          jsonb         not null default '[]',
    additions      jsonb         not null default '[]',
    acknowledge_by timestamptz,
    created_by     varchar(100)  not null,
    created_at     timestamptz   not null,
    version        bigint        not null default 0,
    constraint dispatch_bulletin_round_unique unique (bulletin_id, round)
);
create index dispatch_created_idx on dispatch (created_at, id);

-- One copy per recipient and dispatch, under the highest part that named it.
create table delivery (
    id                uuid primary key,
    dispatch_id       uuid          not null references dispatch (id),
    organization_id   uuid          not null references organization (id),
    organization_name varchar(100)  not null,
    part              varchar(8)    not null check (part in ('REPORT', 'SEND', 'ISSUE')),
    named_by          jsonb         not null default '[]',
    channel           varchar(8)    not null check (channel in ('WEBHOOK', 'EMAIL', 'PAPER')),
    status            varchar(12)   not null check (status in ('PENDING', 'SENT', 'ACKNOWLEDGED', 'FAILED')),
    attempts          integer       not null default 0,
    next_attempt_at   timestamptz,
    last_error        varchar(500),
    sent_at           timestamptz,
    acknowledged_at   timestamptz,
    acknowledged_by   varchar(100),
    version           bigint        not null default 0,
    constraint delivery_once unique (dispatch_id, organization_id)
);
create index delivery_dispatch_idx on delivery (dispatch_id, organization_name, id);
-- the worker's queue: due webhook deliveries
create index delivery_due_idx on delivery (next_attempt_at) where status = 'PENDING' and channel = 'WEBHOOK';

create table delivery_attempt (
    id          uuid primary key,
    delivery_id uuid         not null references delivery (id),
    attempt_no  integer      not null,
    at          timestamptz  not null,
    outcome     varchar(12)  not null,
    http_status integer,
    error       varchar(500)
);
create index delivery_attempt_delivery_idx on delivery_attempt (delivery_id, attempt_no);

create table idempotency_record (
    key          varchar(200) not null,
    principal    varchar(100) not null,
    operation    varchar(200) not null,
    request_hash varchar(64)  not null,
    status       integer      not null,
    location     varchar(300),
    etag         varchar(40),
    body         text,
    created_at   timestamptz  not null,
    primary key (principal, key)
);
create index idempotency_created_idx on idempotency_record (created_at);
