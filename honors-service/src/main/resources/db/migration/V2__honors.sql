-- The levels a program awards: the honor itself (AWARD) and, for some, the nomination award (提名奖).
alter table honor_program add column levels jsonb not null default '["AWARD"]';
update honor_program set levels = '["AWARD", "NOMINATION"]' where name = '首都道德模范';

-- A decision document (决定, 通报) conferring or naming many honors at once. Its date is the
-- conferral date of the honors it confers.
create table decision_document (
    id          uuid primary key,
    title       varchar(200) not null,
    -- e.g. 京文明委〔2020〕3号; unique when given (the seed's documents have none)
    number      varchar(50),
    issued_on   date         not null,
    issuer      varchar(100),
    program_id  uuid references honor_program (id),
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0,
    constraint decision_document_number_unique unique (number)
);
create index decision_document_list_idx on decision_document (issued_on, id);

-- An honor: program, round, category, level, recipient, district, citation, lifecycle.
create table honor (
    id                   uuid primary key,
    program_id           uuid         not null references honor_program (id),
    session              integer check (session between 1 and 99),
    year                 integer check (year between 1949 and 2100),
    -- the round the duplicate guard counts: the session for SESSION programs, the year for YEAR programs
    period               integer      not null,
    category             varchar(30),
    level                varchar(16)  not null check (level in ('AWARD', 'NOMINATION')),
    recipient_kind       varchar(16)  not null
        check (recipient_kind in ('PERSON', 'UNIT', 'STREET', 'COMMUNITY', 'VILLAGE', 'FAMILY', 'CAMPUS')),
    recipient_name       varchar(100) not null,
    gender               varchar(8) check (gender in ('MALE', 'FEMALE')),
    work_unit            varchar(100),
    recipient_key        varchar(400) not null,
    district             varchar(8)   not null check (district in ('东城区', '西城区', '朝阳区', '丰台区', '石景山区',
        '海淀区', '门头沟区', '房山区', '通州区', '顺义区', '昌平区', '大兴区', '怀柔区', '平谷区', '密云区', '延庆区')),
    citation             text         not null,
    nominated_by         varchar(100),
    contact              varchar(100),
    status               varchar(16)  not null
        check (status in ('NOMINATED', 'PUBLICIZING', 'CONFERRED', 'WITHDRAWN', 'REVOKED')),
    publicity_start      date,
    publicity_end        date,
    decision_document_id uuid references decision_document (id),
    conferred_on         date,
    expires_on           date,
    last_reviewed_on     date,
    withdrawal_reason    varchar(500),
    revocation_reason    varchar(500),
    open_objections      integer      not null default 0 check (open_objections >= 0),
    created_by           varchar(100) not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null default 0,
    -- 公示 lasts at least 5 days, both ends counted
    constraint honor_publicity_window check (publicity_end is null or publicity_end >= publicity_start + 4),
    constraint honor_conferred_after_publicity check (conferred_on is null or conferred_on > publicity_end)
);
-- the duplicate guard: one recipient holds a program's round once (a withdrawn nomination does not count)
create unique index honor_recipient_once on honor (program_id, period, recipient_key) where status <> 'WITHDRAWN';
create index honor_list_idx on honor (created_at, id);
create index honor_document_idx on honor (decision_document_id);
-- the honor roll: conferred honors, newest conferral first
create index honor_roll_idx on honor (conferred_on, id) where status = 'CONFERRED';
create index honor_roll_program_idx on honor (program_id, conferred_on, id) where status = 'CONFERRED';

-- Objections (异议) raised during publicity; never public.
create table honor_objection (
    id               uuid primary key,
    honor_id         uuid          not null references honor (id),
    received_on      date          not null,
    objector         varchar(100),
    objector_contact varchar(100),
    content          varchar(2000) not null,
    resolution       varchar(16) check (resolution in ('UPHELD', 'DISMISSED')),
    resolution_note  varchar(1000),
    resolved_by      varchar(100),
    resolved_at      timestamptz,
    recorded_by      varchar(100)  not null,
    created_at       timestamptz   not null,
    version          bigint        not null default 0
);
create index honor_objection_honor_idx on honor_objection (honor_id, created_at, id);

-- Every step of an honor's record: who, when, what, status before and after, why.
create table honor_event (
    id          uuid primary key,
    -- the order of the steps, also of two taken in one transaction
    seq         bigserial     not null,
    honor_id    uuid          not null references honor (id),
    at          timestamptz   not null,
    actor       varchar(100)  not null,
    action      varchar(32)   not null,
    from_status varchar(16),
    to_status   varchar(16)   not null,
    note        varchar(1000)
);
create index honor_event_honor_idx on honor_event (honor_id, seq);

-- Idempotency-Key: the first answer to a creating or triggering POST, replayed for a retry.
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
