-- task-service's data for the benchmark: 20 work plans (2006–2025) of 4 areas, 500 numbered tasks
-- and 5,000 progress reports (10 a task, percent rising), text from the seed issue's sentences
-- (passed in as :'seed'). Straight into the tables Flyway made. psql -v plans=N sets the count.
\set ON_ERROR_STOP on
\if :{?plans}
\else
  \set plans 20
\endif
select setseed(0.2020);

\ir seed-sentences.sql
create temp table sentences as select array(select s from seed_sentence order by n) as a;

insert into work_plan (id, year, title, summary, status, created_at, updated_at)
select ('5eed0000-0000-4000-8000-0000000b' || lpad(p::text, 4, '0'))::uuid, 2025 - :plans + p,
       (2025 - :plans + p) || '年首都精神文明建设工作（基准测试）', '聚焦四个方面 25项重点任务',
       case when p = :plans then 'ACTIVE' else 'CLOSED' end, now(), now()
from generate_series(1, :plans) as p;

insert into plan_area (id, plan_id, seq, title, description, created_at, updated_at)
select ('5eed0000-0000-4000-8000-0000000c' || lpad((p * 10 + a)::text, 4, '0'))::uuid,
       ('5eed0000-0000-4000-8000-0000000b' || lpad(p::text, 4, '0'))::uuid, a,
       (array['思想道德建设', '文明创建', '志愿服务', '城市环境'])[a], '第' || a || '方面', now(), now()
from generate_series(1, :plans) as p cross join generate_series(1, 4) as a;

insert into task (id, plan_id, area_id, number, title, description, lead_unit, co_units, due_date, status, percent,
                  last_report_date, created_at, updated_at)
select ('5eed0000-0000-4000-8000-0000000d' || lpad((p * 100 + n)::text, 4, '0'))::uuid,
       ('5eed0000-0000-4000-8000-0000000b' || lpad(p::text, 4, '0'))::uuid,
       ('5eed0000-0000-4000-8000-0000000c' || lpad((p * 10 + 1 + (n - 1) * 4 / 25)::text, 4, '0'))::uuid,
       n, (select a[1 + (p * 25 + n) % array_length(a, 1)] from sentences),
       (select a[1 + (p * 7 + n * 3) % array_length(a, 1)] || a[1 + (p + n * 5) % array_length(a, 1)] from sentences),
       (array['市委宣传部', '首都文明办', '市城市管理委', '团市委', '市教委'])[1 + n % 5], '["各区文明办"]',
       make_date(2025 - :plans + p, 12, 31), 'COMPLETED', 100, make_date(2025 - :plans + p, 11, 30), now(), now()
from generate_series(1, :plans) as p cross join generate_series(1, 25) as n;

insert into progress_report (id, task_id, report_date, unit, percent, text, reported_by, created_at)
select gen_random_uuid(), t.id, make_date(extract(year from t.due_date)::int, r + 1, 28), t.lead_unit, r * 10,
       (select a[1 + (r * 11 + t.number) % array_length(a, 1)] from sentences), 'bench', now()
from task t cross join generate_series(1, 10) as r
where t.plan_id::text like '5eed0000-0000-4000-8000-0000000b%';

vacuum analyze task;
vacuum analyze progress_report;
select count(*) as plans, (select count(*) from task) as tasks, (select count(*) from progress_report) as reports from work_plan;
