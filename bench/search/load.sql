-- Loads 10,000 issues and 30,000 articles of Chinese text made from the seed issue's sentences
-- (../../shared/seed/bulletin-2020-17.txt, passed in as :'seed'), straight into bulletin-service's
-- tables, the way Flyway made them; the article trigger of V3__search.sql builds the search vectors.
-- Deterministic (setseed), so every run searches the same data.
\set ON_ERROR_STOP on
-- how many issues (three articles each): 10,000 unless psql is given -v issues=N (bench/run --smoke)
\if :{?issues}
\else
  \set issues 10000
\endif
select setseed(0.20200424);

-- the 44 sentences of the seed's two articles
\ir ../data/seed-sentences.sql

-- titles: a topic of the office and what happened
create temp table topic (t) as values ('首都精神文明建设工作'), ('背街小巷环境精细化整治提升'), ('道德模范评选表彰'),
  ('新时代文明实践中心建设'), ('礼让斑马线专项行动'), ('文明城区创建'), ('志愿服务制度化建设'), ('公共文明引导行动'),
  ('未成年人思想道德建设'), ('文明家庭创建'), ('垃圾分类宣传'), ('诚信建设'), ('文明校园创建'), ('迎冬奥社会文明行动'),
  ('网络文明引导'), ('疫情防控宣传教育');
create temp table ending (e) as values ('动员部署大会召开'), ('工作推进会召开'), ('取得新进展'), ('经验交流会举行'),
  ('聚焦四个方面重点任务'), ('现场会在西城区召开'), ('深入开展'), ('成效明显'), ('专题培训班举办'), ('年度工作总结');

insert into bulletin_series (id, title, issuing_org, kind, created_at, updated_at) values
  ('5eed0000-0000-4000-8000-000000000001', '首都精神文明建设情况简报（基准测试）', '首都精神文明办', 'REGULAR', now(), now()),
  ('5eed0000-0000-4000-8000-000000000002', '首都精神文明建设情况简报增刊（基准测试）', '首都精神文明办', 'SUPPLEMENT', now(), now());

-- 10,000 issues over 1995–2025, one in five in the supplement; 1 % each DRAFT, SUBMITTED, RECALLED
insert into bulletin (id, series_id, status, year, issue_no, cumulative_no, issue_date, sort_date, editor, reviewer,
                      historical, created_by, published_at, created_at, updated_at)
select gen_random_uuid(), series_id, status,
       case when status in ('PUBLISHED', 'RECALLED') then year end,
       case when status in ('PUBLISHED', 'RECALLED') then issue_no end,
       case when status in ('PUBLISHED', 'RECALLED') then cumulative_no end,
       issue_date, issue_date, '梅雪峰', '田文松', true, 'bench',
       case when status in ('PUBLISHED', 'RECALLED') then issue_date::timestamptz end, now(), now()
from (
  select g, series_id, year,
         case g % 100 when 1 then 'DRAFT' when 2 then 'SUBMITTED' when 3 then 'RECALLED' else 'PUBLISHED' end as status,
         row_number() over (partition by series_id, year order by g)::int as issue_no,
         row_number() over (partition by series_id order by g)::int as cumulative_no,
         make_date(year, 1, 1) + ((row_number() over (partition by series_id, year order by g) - 1) * 360
                                  / count(*) over (partition by series_id, year))::int as issue_date
  from (select g, 1995 + (g - 1) * 31 / :issues as year,
               case when g % 5 = 0 then '5eed0000-0000-4000-8000-000000000002'::uuid
                    else '5eed0000-0000-4000-8000-000000000001'::uuid end as series_id
        from generate_series(1, :issues) as g) gs
) x;

-- three articles an issue: 3–6 paragraphs of 2–5 of the seed's sentences (about 760 characters)
insert into article (id, bulletin_id, seq, title, source, paragraphs)
select gen_random_uuid(), b.id, k,
       t.topics[1 + floor(random() * array_length(t.topics, 1))::int]
         || t.endings[1 + floor(random() * array_length(t.endings, 1))::int],
       '本刊', body.paragraphs
from bulletin b
cross join generate_series(1, 3) as k
cross join (select array(select t from topic) as topics, array(select e from ending) as endings,
                   array(select s from seed_sentence order by n) as sentences) t
cross join lateral (
  select jsonb_agg(para) as paragraphs
  from (select (select string_agg(t.sentences[1 + floor(random() * array_length(t.sentences, 1))::int + 0 * j], '')
                from generate_series(1, 2 + floor(random() * 4)::int + 0 * p.i) as j) as para
        from generate_series(1, 3 + floor(random() * 4)::int + 0 * k + 0 * length(b.id::text)) as p(i)) ps
) body;

vacuum analyze bulletin;
vacuum analyze article;
select (select count(*) from seed_sentence) as sentences, (select count(*) from bulletin) as issues,
       count(*) as articles, avg(length(title) + length(paragraphs::text))::int as avg_chars,
       pg_size_pretty(pg_total_relation_size('article')) as article_size
from article;
