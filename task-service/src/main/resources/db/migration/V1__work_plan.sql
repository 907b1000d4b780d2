-- The office's annual work plan (工作要点), e.g. 2020年首都精神文明建设工作: one plan per year.
create table work_plan (
    id         uuid primary key,
    year       integer      not null check (year between 2000 and 2100),
    title      varchar(200) not null,
    summary    varchar(500),
    status     varchar(16)  not null check (status in ('DRAFT', 'ACTIVE', 'CLOSED')),
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null default 0,
    constraint work_plan_year_unique unique (year)
);
-- keyset pages by year (the default, newest first) and by creation time
create index work_plan_year_idx on work_plan (year, id);
create index work_plan_created_idx on work_plan (created_at, id);
