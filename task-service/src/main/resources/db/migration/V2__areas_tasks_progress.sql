-- When a plan came into force and when it was closed (dates in Asia/Shanghai).
alter table work_plan add column activated_on date;
alter table work_plan add column closed_on date;

-- An area (方面) of a plan: 第一, 第二, ... in order. The unique order is checked at commit, so a
-- reorder can pass through duplicates; the plan row is locked while the order changes.
create table plan_area (
    id          uuid primary key,
    plan_id     uuid          not null references work_plan (id),
    seq         integer       not null check (seq >= 1),
    title       varchar(200)  not null,
    description varchar(2000),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0,
    constraint plan_area_seq_unique unique (plan_id, seq) deferrable initially deferred
);

-- A key task (重点任务), numbered 1..N across the plan's areas. While the plan is a DRAFT the
-- numbers are kept contiguous in area order; once ACTIVE they never change. Like the areas, the
-- unique number is checked at commit, and the plan row is locked while numbers change.
create table task (
    id               uuid primary key,
    plan_id          uuid          not null references work_plan (id),
    area_id          uuid          not null references plan_area (id),
    number           integer       not null check (number >= 1),
    title            varchar(500)  not null,
    description      varchar(4000),
    lead_unit        varchar(100),
    co_units         jsonb         not null default '[]',
    due_date         date,
    status           varchar(16)   not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED')),
    percent          integer       not null default 0 check (percent between 0 and 100),
    last_report_date date,
    status_reason    varchar(500),
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0,
    constraint task_number_unique unique (plan_id, number) deferrable initially deferred
);
-- keyset pages: by number (the default) within a plan or across plans, and by due date
create index task_plan_number_idx on task (plan_id, number, id);
create index task_number_idx on task (number, id);
create index task_due_idx on task (due_date, id);
create index task_area_idx on task (area_id);
create index task_lead_unit_idx on task (lead_unit);

-- A progress report of a task: in date order, the latest one gives the task its percent.
create table progress_report (
    id          uuid primary key,
    task_id     uuid          not null references task (id),
    report_date date          not null,
    unit        varchar(100)  not null,
    percent     integer       not null check (percent between 0 and 100),
    text        varchar(2000) not null,
    reason      varchar(500),
    reported_by varchar(100)  not null,
    created_at  timestamptz   not null
);
create index progress_report_task_idx on progress_report (task_id, report_date, created_at);
