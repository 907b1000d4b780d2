-- An issue of a series (第17期, 总第2126期). Numbers are assigned at publication (or given for a
-- historical back issue) and unique per series: no gap and no duplicate (see BulletinService).
create table bulletin (
    id               uuid primary key,
    series_id        uuid         not null references bulletin_series (id),
    status           varchar(16)  not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'RECALLED')),
    year             integer,
    issue_no         integer,
    cumulative_no    integer,
    issue_date       date,
    -- the date lists sort by: the issue date, or for an undated draft the day it was created
    sort_date        date         not null,
    editor           varchar(50),
    reviewer         varchar(50),
    print_run        integer,
    distribution     jsonb        not null default '{}',
    distribution_lists jsonb      not null default '{}',
    additions        jsonb        not null default '[]',
    publish_at       timestamptz,
    historical       boolean      not null default false,
    created_by       varchar(100) not null,
    submitted_by     varchar(100),
    approved_by      varchar(100),
    published_at     timestamptz,
    status_reason    varchar(500),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0,
    constraint bulletin_issue_no_unique unique (series_id, year, issue_no),
    constraint bulletin_cumulative_no_unique unique (series_id, cumulative_no),
    constraint bulletin_numbers_together check ((issue_no is null) = (cumulative_no is null))
);
-- lists: newest first, keyset on (sort_date, id)
create index bulletin_list_idx on bulletin (sort_date desc, id);
create index bulletin_series_status_idx on bulletin (series_id, status);
create index bulletin_scheduled_idx on bulletin (publish_at) where status = 'APPROVED' and publish_at is not null;

-- An article of an issue, in order; paragraphs in order as a JSON array of strings.
create table article (
    id          uuid primary key,
    bulletin_id uuid         not null references bulletin (id),
    seq         integer      not null,
    title       varchar(200) not null,
    source      varchar(100),
    paragraphs  jsonb        not null,
    task_ids    jsonb        not null default '[]',
    honor_ids   jsonb        not null default '[]'
);
create index article_bulletin_idx on article (bulletin_id, seq);

-- Every change of an issue: who, when, what, which fields before and after.
create table bulletin_revision (
    id          uuid primary key,
    bulletin_id uuid         not null references bulletin (id),
    at          timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(32)  not null,
    changes     jsonb        not null default '[]'
);
create index bulletin_revision_idx on bulletin_revision (bulletin_id, at, id);

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
