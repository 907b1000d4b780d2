-- Chinese full-text search over article titles and paragraphs (docs/search.md).
--
-- Chinese has no spaces between words, so a text is indexed by overlapping character bigrams:
-- 背街小巷 → 背街 街小 小巷, each at the position of its first character. A character that ends a
-- run of letters (before punctuation, a space or the end) is indexed alone, so single characters
-- are found too. A query word becomes a phrase of bigrams at their distances (背街 <2> 小巷), so it
-- matches only where its characters stand together; several words are ANDed. The vectors are
-- built from explicit characters, never by a text search parser or the server's locale, so the
-- same text gives the same vector on any PostgreSQL 17 whatever its lc_ctype.

-- NFKC (full-width ＡＢ１ → ab1, compatibility ideographs → unified), lower case, and every
-- character that is not a letter or digit (punctuation, spaces) turned into a space. Letters are
-- Latin, Greek, Cyrillic, kana, hangul and the CJK ideographs with their extensions.
-- SearchService.Highlighter mirrors this to mark the hits in a snippet.
create function search_normalize(doc text) returns text
    language sql immutable strict parallel safe
as $$
  select regexp_replace(lower(normalize(doc, nfkc)),
    '[^0-9a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u3007\u3041-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]',
    ' ', 'g')
$$;

-- The vector of a text: at each letter the bigram it starts, or the letter alone when the next
-- character is not a letter. Positions are character offsets; only the first 16,000 characters
-- are indexed (a tsvector position ends at 16,383; a bulletin article is a few thousand).
create function search_grams(doc text) returns tsvector
    language sql immutable strict parallel safe
as $$
  select coalesce(string_agg('''' || ch || case when nx <> ' ' then nx else '' end || ''':' || i, ' '), '')::tsvector
  from (select ch, i, lead(ch) over (order by i) as nx
        from unnest(string_to_array(left(search_normalize(doc), 16000), null)) with ordinality as u(ch, i)) x
  where ch <> ' '
$$;

-- The tsquery of what a user typed: each run of letters is a phrase of bigrams that cover it
-- (背街小巷 → '背街' <2> '小巷', 斑马线 → '斑马' <1> '马线'), a single letter matches any bigram it
-- starts ('文':*); runs are ANDed. Null when the text has no letter or digit.
create function search_query(q text) returns tsquery
    language sql immutable strict parallel safe
as $$
  select string_agg(phrase, ' & ')::tsquery
  from (
    select case
             when length(run) = 1 then '''' || run || ''':*'
             else '(' || (select string_agg(case when prev is null then '' else ' <' || (o - prev) || '> ' end
                                            || '''' || substr(run, o + 1, 2) || '''', '' order by o)
                          from (select o, lag(o) over (order by o) as prev
                                from (select g as o from generate_series(0, length(run) - 2, 2) as g
                                      union select length(run) - 2) os) d) || ')'
           end as phrase
    from regexp_split_to_table(btrim(search_normalize(q)), ' +') as run
    where run <> ''
  ) p
$$;

-- Kept by the trigger below: Hibernate never writes these columns (Article does not map them).
alter table article
    add column search_title tsvector not null default '',
    add column search_body  tsvector not null default '';

create function article_search_fill() returns trigger
    language plpgsql
as $$
begin
  new.search_title := coalesce(search_grams(new.title), '');
  new.search_body := coalesce(search_grams((select string_agg(p, E'\n' order by n)
                                            from jsonb_array_elements_text(new.paragraphs) with ordinality as x(p, n))), '');
  return new;
end
$$;

create trigger article_search_fill
    before insert or update of title, paragraphs on article
    for each row execute function article_search_fill();

-- the articles already stored
update article set title = title;

create index article_search_title_idx on article using gin (search_title);
create index article_search_body_idx on article using gin (search_body);
analyze article;
