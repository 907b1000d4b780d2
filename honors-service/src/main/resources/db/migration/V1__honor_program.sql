-- A kind of honor: 首都道德模范 (by session), 北京榜样, 背街小巷…先进典型, the five creation titles.
create table honor_program (
    id             uuid primary key,
    name           varchar(100) not null,
    recipient_kind varchar(16)  not null
        check (recipient_kind in ('PERSON', 'UNIT', 'STREET', 'COMMUNITY', 'VILLAGE', 'FAMILY', 'CAMPUS')),
    period_kind    varchar(16)  not null check (period_kind in ('SESSION', 'YEAR')),
    -- how long a unit title lasts; a person's honor has no term
    term_years     integer check (term_years between 1 and 10),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0,
    constraint honor_program_name_unique unique (name),
    constraint honor_program_term_for_units_only check (term_years is null or recipient_kind <> 'PERSON')
);
-- keyset pages by name (the unique index above), and by creation time
create index honor_program_created_idx on honor_program (created_at, id);

-- The program's categories in their order, e.g. 助人为乐, 见义勇为, 诚实守信, 敬业奉献, 孝老爱亲.
create table honor_program_category (
    program_id uuid        not null references honor_program (id) on delete cascade,
    ordinal    integer     not null check (ordinal >= 0),
    name       varchar(30) not null,
    primary key (program_id, ordinal),
    -- deferred, so that reordering a list never trips over a name in transit
    constraint honor_program_category_name_unique unique (program_id, name) deferrable initially deferred
);
