-- The seed issue's sentences (../shared/seed/bulletin-2020-17.txt, passed to psql as :'seed'), one
-- a row of the temp table seed_sentence (n, s): the text every data file of the benchmark is made of.
-- Included with \ir by bench/search/load.sql, bench/data/task.sql and bench/data/honors.sql.
create temp table seed_sentence as
  select row_number() over () as n, s
  from (select btrim(s) as s
        from regexp_split_to_table(:'seed', E'\n') as line,
             regexp_split_to_table(replace(replace(line, '(本刊)', ''), '。', E'。\x01'), E'\x01') as s
        where length(line) > 40) x
  where length(s) >= 6;
