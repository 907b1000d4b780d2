-- A publication of the office (首都精神文明建设情况简报); a supplement (增刊) is its own series.
create table bulletin_series (
    id               uuid primary key,
    title            varchar(100) not null,
    issuing_org      varchar(100) not null,
    kind             varchar(16)  not null check (kind in ('REGULAR', 'SUPPLEMENT')),
    default_editor   varchar(50),
    default_reviewer varchar(50),
    phone            varchar(30),
    fax              varchar(30),
    email            varchar(254),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0,
    constraint bulletin_series_title_unique unique (title)
);
-- keyset pages by title, and by creation time
create index bulletin_series_created_idx on bulletin_series (created_at, id);
