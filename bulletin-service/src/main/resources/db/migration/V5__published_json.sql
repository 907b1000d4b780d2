-- Published issues as GET /bulletins/{id} answers them (JSON, gzipped), stored the first time one is
-- read: a replica that does not hold an issue in memory (after a start, or when the archive is larger
-- than its memory budget) reads it back with one lookup instead of loading the issue, its series and
-- articles and writing them as JSON again. A row counts only while its version is the issue's and the
-- issue is PUBLISHED (the read joins on both), so a recall needs no clean-up to be safe.
create table published_json (
    bulletin_id uuid    primary key references bulletin (id) on delete cascade,
    version     bigint  not null,
    gzipped     bytea   not null
);
