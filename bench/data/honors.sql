-- honors-service's data for the benchmark: six programs, 200 decision documents and 50,000 honors
-- (90 % CONFERRED, on the public roll), recipients in all sixteen districts, citations made of the
-- seed issue's sentences (passed in as :'seed'). Straight into the tables Flyway made.
-- psql -v honors=N sets the count (bench/run --smoke); deterministic (setseed).
\set ON_ERROR_STOP on
\if :{?honors}
\else
  \set honors 50000
\endif
select setseed(0.20200417);

\ir seed-sentences.sql

insert into honor_program (id, name, recipient_kind, period_kind, term_years, levels, created_at, updated_at) values
  ('5eed0000-0000-4000-8000-00000000a001', '首都道德模范（基准测试）', 'PERSON', 'SESSION', null, '["AWARD", "NOMINATION"]', now(), now()),
  ('5eed0000-0000-4000-8000-00000000a002', '北京榜样（基准测试）', 'PERSON', 'YEAR', null, '["AWARD"]', now(), now()),
  ('5eed0000-0000-4000-8000-00000000a003', '文明单位（基准测试）', 'UNIT', 'YEAR', 10, '["AWARD"]', now(), now()),
  ('5eed0000-0000-4000-8000-00000000a004', '文明家庭（基准测试）', 'FAMILY', 'YEAR', 10, '["AWARD"]', now(), now()),
  ('5eed0000-0000-4000-8000-00000000a005', '文明村镇（基准测试）', 'VILLAGE', 'YEAR', 10, '["AWARD"]', now(), now()),
  ('5eed0000-0000-4000-8000-00000000a006', '文明校园（基准测试）', 'CAMPUS', 'YEAR', 10, '["AWARD"]', now(), now());
insert into honor_program_category (program_id, ordinal, name)
select '5eed0000-0000-4000-8000-00000000a001', o - 1, c
from unnest(array['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲']) with ordinality as t(c, o);

insert into decision_document (id, title, number, issued_on, issuer, program_id, created_by, created_at, updated_at)
select ('5eed0000-0000-4000-8000-' || lpad(to_hex(d), 12, '0'))::uuid,
       '关于表彰' || (2001 + d % 25) || '年度先进典型的决定（第' || d || '号）', '京文明委〔' || (2001 + d % 25) || '〕' || d || '号',
       make_date(2001 + d % 25, 1 + d % 12, 1 + d % 28), '首都精神文明建设委员会',
       ('5eed0000-0000-4000-8000-00000000a00' || (1 + d % 6))::uuid, 'bench', now(), now()
from generate_series(1, 200) as d;

-- 50,000 honors: program, district and document by turn; conferred on the document's date
insert into honor (id, program_id, session, year, period, category, level, recipient_kind, recipient_name, gender,
                   work_unit, recipient_key, district, citation, status, publicity_start, publicity_end,
                   decision_document_id, conferred_on, expires_on, created_by, created_at, updated_at)
select gen_random_uuid(), p.id,
       case when p.period_kind = 'SESSION' then 1 + h % 9 end,
       case when p.period_kind = 'YEAR' then extract(year from d.issued_on)::int end,
       case when p.period_kind = 'SESSION' then 1 + h % 9 else extract(year from d.issued_on)::int end,
       case when p.recipient_kind = 'PERSON' and p.period_kind = 'SESSION'
            then (array['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲'])[1 + h % 5] end,
       'AWARD', p.recipient_kind,
       case p.recipient_kind when 'PERSON' then (array['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'])[1 + h % 10]
                                                || (array['秀英', '建国', '志强', '淑珍', '海燕', '文明', '立新', '桂兰'])[1 + (h / 10) % 8]
                                                || h
                             when 'FAMILY' then (array['王', '李', '张', '刘', '陈'])[1 + h % 5] || '家庭' || h
                             else dist.name || '第' || h || (case p.recipient_kind when 'UNIT' then '单位' when 'VILLAGE' then '村'
                                                                                    else '学校' end) end,
       case when p.recipient_kind = 'PERSON' then (array['MALE', 'FEMALE'])[1 + h % 2] end,
       case when p.recipient_kind = 'PERSON' then dist.name || '某街道' end,
       'bench|' || h, dist.name,
       (select string_agg(s, '') from (select s from seed_sentence order by random() + 0 * h limit 2) x),
       case when h % 10 = 0 then 'NOMINATED' else 'CONFERRED' end,
       case when h % 10 <> 0 then d.issued_on - 20 end,
       case when h % 10 <> 0 then d.issued_on - 10 end,
       case when h % 10 <> 0 then d.id end,
       case when h % 10 <> 0 then d.issued_on end,
       case when h % 10 <> 0 and p.term_years is not null then (d.issued_on + make_interval(years => p.term_years))::date end,
       'bench', now(), now()
from generate_series(1, :honors) as h
join decision_document d on d.id = ('5eed0000-0000-4000-8000-' || lpad(to_hex(1 + h % 200), 12, '0'))::uuid
join honor_program p on p.id = d.program_id
join (select n - 1 as i, name
      from unnest(array['东城区', '西城区', '朝阳区', '丰台区', '石景山区', '海淀区', '门头沟区', '房山区', '通州区', '顺义区',
                        '昌平区', '大兴区', '怀柔区', '平谷区', '密云区', '延庆区']) with ordinality as t(name, n)) dist on dist.i = (h / 7) % 16;

vacuum analyze honor;
select count(*) as honors, count(*) filter (where status = 'CONFERRED') as conferred from honor;
