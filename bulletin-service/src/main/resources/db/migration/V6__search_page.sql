-- A search page in one call, without planning each search (issue 10, scenario 3; docs/search.md).
--
-- Before: the service sent up to four statements a page (plan_cache_mode, title hits, body hits,
-- the articles), each search planned anew so that PostgreSQL could choose between walking the
-- issue index newest first and the GIN index from the words' frequencies. Planning cost more than
-- running (search_query alone 0.8 ms for a four-character word, evaluated twice in the body query),
-- and the choice was often wrong: a phrase's frequency is estimated as the product of its bigrams',
-- so 背街小巷, in 6 % of the titles, took the GIN path through all 1,871 title hits (7-12 ms) where
-- the walk finds a page in 336 articles (1 ms).
--
-- Now search_page answers a page in one statement. Without filters other than the status it uses
-- plans made once per connection (plan_cache_mode = force_generic_plan): each group walks the
-- issues newest first through at most a budget of articles, given by the service from PostgreSQL's
-- statistics of the words (a budget of 0 goes straight to the GIN index); when the walk ends
-- without a full page, the GIN index continues from the last article walked. Whatever the budget,
-- the hits and their order are the same: it only decides how they are found. With a filter
-- (series, year, dates) each search is planned with its values as before, because the filter's
-- selectivity then decides the plan.

-- The same tsquery as V3's SQL function (checked on 15,000 inputs), in PL/pgSQL: a SQL function that
-- is not inlined is parsed and planned at every call, and this one has subqueries and windows.
create or replace function search_query(q text) returns tsquery
    language plpgsql immutable strict parallel safe
as $$
declare
  run text;
  len int;
  o int;
  phrase text;
  phrases text[] := '{}';
begin
  foreach run in array regexp_split_to_array(btrim(search_normalize(q)), ' +') loop
    len := length(run);
    if len = 1 then
      phrases := phrases || ('''' || run || ''':*');
    elsif len > 1 then
      -- the bigrams at 0, 2, 4, ... and the last one (len - 2), each at its distance from the one before
      phrase := '''' || substr(run, 1, 2) || '''';
      o := 0;
      while o < len - 2 loop
        phrase := phrase || ' <' || least(2, len - 2 - o) || '> ''' || substr(run, least(o + 2, len - 2) + 1, 2) || '''';
        o := least(o + 2, len - 2);
      end loop;
      phrases := phrases || ('(' || phrase || ')');
    end if;
  end loop;
  return nullif(array_to_string(phrases, ' & '), '')::tsquery;
end
$$;

-- One group's hits (title hits, or hits in the paragraphs only) of the given statuses, in rank order
-- (issue date newest first, then article id) after (after_date, after_id), at most n. The walk
-- follows bulletin_list_idx and stops after n hits or after `budget` articles; in the second case
-- the GIN index gives the rest after the last article walked. Generic plans, made once per
-- connection: the statements are written so that their plan does not depend on the words.
create function search_walk(q tsquery, in_title boolean, statuses text[], after_date date, after_id uuid, n int, budget int)
    returns table (sort_date date, article_id uuid)
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
as $$
declare
  r record;
  hits int := 0;
  walked_date date;
  walked_id uuid;
begin
  after_date := coalesce(after_date, 'infinity');
  after_id := coalesce(after_id, '00000000-0000-0000-0000-000000000000');
  if budget > 0 then
    -- the walk returns its hits, and its last article (k = budget) when it got that far; a
    -- paragraph hit reads the article's search_body only when its title does not have the words
    for r in
      select w.sort_date, w.id, w.hit, w.k from (
        select b.sort_date, a.id, row_number() over (order by b.sort_date desc, a.id) as k,
               case when in_title then a.search_title @@ q else not (a.search_title @@ q) and a.search_body @@ q end as hit
        from bulletin b join article a on a.bulletin_id = b.id
        where b.status = any (statuses) and b.sort_date <= after_date and (b.sort_date < after_date or a.id > after_id)
        order by b.sort_date desc, a.id
        limit budget) w
      where w.hit or w.k = budget
      order by w.sort_date desc, w.id
      limit n
    loop
      if r.hit then
        sort_date := r.sort_date;
        article_id := r.id;
        return next;
        hits := hits + 1;
      end if;
      if r.k = budget then
        walked_date := r.sort_date;
        walked_id := r.id;
      end if;
    end loop;
    if hits >= n or walked_date is null then
      return;
    end if;
    after_date := walked_date;
    after_id := walked_id;
    n := n - hits;
  end if;
  -- the GIN index: each hit's issue looked up by its key (offset 0 keeps that join a nested loop)
  if in_title then
    return query
      select b.sort_date, a.id
      from article a
      cross join lateral (select b.sort_date from bulletin b where b.id = a.bulletin_id and b.status = any (statuses) offset 0) b
      where a.search_title @@ q and b.sort_date <= after_date and (b.sort_date < after_date or a.id > after_id)
      order by b.sort_date desc, a.id
      limit n;
  else
    return query
      select b.sort_date, a.id
      from article a
      cross join lateral (select b.sort_date from bulletin b where b.id = a.bulletin_id and b.status = any (statuses) offset 0) b
      where a.search_body @@ q and not (a.search_title @@ q) and b.sort_date <= after_date and (b.sort_date < after_date or a.id > after_id)
      order by b.sort_date desc, a.id
      limit n;
  end if;
end
$$;

-- The same group, planned at every call with its values (a null filter drops out of the plan), so
-- that PostgreSQL picks the index the filters make best: for searches with filters.
create function search_planned(q tsquery, in_title boolean, statuses text[], series uuid, in_year int, from_date date,
                               to_date date, after_date date, after_id uuid, n int)
    returns table (sort_date date, article_id uuid)
    language plpgsql stable
    set plan_cache_mode = force_custom_plan
as $$
begin
  if in_title then
    return query
      select b.sort_date, a.id
      from bulletin b join article a on a.bulletin_id = b.id
      where a.search_title @@ q and b.status = any (statuses)
        and (series is null or b.series_id = series) and (in_year is null or b.year = in_year)
        and (from_date is null or b.sort_date >= from_date) and (to_date is null or b.sort_date <= to_date)
        and (after_date is null or b.sort_date <= after_date and (b.sort_date < after_date or a.id > after_id))
      order by b.sort_date desc, a.id
      limit n;
  else
    return query
      select b.sort_date, a.id
      from bulletin b join article a on a.bulletin_id = b.id
      where a.search_body @@ q and not (a.search_title @@ q) and b.status = any (statuses)
        and (series is null or b.series_id = series) and (in_year is null or b.year = in_year)
        and (from_date is null or b.sort_date >= from_date) and (to_date is null or b.sort_date <= to_date)
        and (after_date is null or b.sort_date <= after_date and (b.sort_date < after_date or a.id > after_id))
      order by b.sort_date desc, a.id
      limit n;
  end if;
end
$$;

-- One page of search hits, everything the answer shows: title hits first, then hits in the
-- paragraphs only, each group newest first; after the cursor (after_title: its group; null on the
-- first page); at most n. title_budget and body_budget: how many articles each group may walk
-- before the GIN index takes over (0: the GIN index at once); when either is null, or with a
-- filter, both groups are planned with this search's values instead (search_planned).
create function search_page(q text, statuses text[], series uuid, in_year int, from_date date, to_date date,
                            after_title boolean, after_date date, after_id uuid, n int, title_budget int, body_budget int)
    returns table (title_match boolean, sort_date date, article_id uuid, seq int, title text, paragraphs text[],
                   bulletin_id uuid, series_id uuid, series_title text, status text, year int, issue_no int,
                   cumulative_no int, issue_date date)
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
as $$
declare
  tsq tsquery := search_query(q);
  filtered boolean := title_budget is null or body_budget is null
                       or series is not null or in_year is not null or from_date is not null or to_date is not null;
  title_ids uuid[] := '{}';
  body_ids uuid[] := '{}';
begin
  if tsq is null then
    return;
  end if;
  if after_title is null or after_title then
    if filtered then
      select coalesce(array_agg(g.article_id order by g.o), '{}') into title_ids
      from search_planned(tsq, true, statuses, series, in_year, from_date, to_date, after_date, after_id, n)
           with ordinality as g (sort_date, article_id, o);
    else
      select coalesce(array_agg(g.article_id order by g.o), '{}') into title_ids
      from search_walk(tsq, true, statuses, after_date, after_id, n, title_budget) with ordinality as g (sort_date, article_id, o);
    end if;
  end if;
  if cardinality(title_ids) < n then
    if after_title then
      -- the cursor was in the title hits: the paragraph hits start from the top
      after_date := null;
      after_id := null;
    end if;
    if filtered then
      select coalesce(array_agg(g.article_id order by g.o), '{}') into body_ids
      from search_planned(tsq, false, statuses, series, in_year, from_date, to_date, after_date, after_id,
                          n - cardinality(title_ids)) with ordinality as g (sort_date, article_id, o);
    else
      select coalesce(array_agg(g.article_id order by g.o), '{}') into body_ids
      from search_walk(tsq, false, statuses, after_date, after_id, n - cardinality(title_ids), body_budget)
           with ordinality as g (sort_date, article_id, o);
    end if;
  end if;
  return query
    select h.o <= cardinality(title_ids), b.sort_date, a.id, a.seq, a.title::text,
           array(select jsonb_array_elements_text(a.paragraphs)), b.id, b.series_id, s.title::text, b.status::text,
           b.year, b.issue_no, b.cumulative_no, b.issue_date
    from unnest(title_ids || body_ids) with ordinality as h (id, o)
    join article a on a.id = h.id
    join bulletin b on b.id = a.bulletin_id
    join bulletin_series s on s.id = b.series_id
    order by h.o;
end
$$;
