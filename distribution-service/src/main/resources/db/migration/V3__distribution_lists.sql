-- A named, ordered list of organizations, typed by the part of the 报/送/发 block it serves:
-- REPORT (报), SEND (送) or ISSUE (发). The seed's block gives the office's three standing lists.
create table distribution_list (
    id         uuid primary key,
    name       varchar(100) not null,
    type       varchar(8)   not null check (type in ('REPORT', 'SEND', 'ISSUE')),
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null default 0,
    constraint distribution_list_name_unique unique (name)
);
create index distribution_list_created_idx on distribution_list (created_at, id);
create index distribution_list_type_name_idx on distribution_list (type, name, id);

-- members in order; the service keeps an organization once per list
create table distribution_list_member (
    list_id         uuid    not null references distribution_list (id) on delete cascade,
    position        integer not null,
    organization_id uuid    not null references organization (id),
    primary key (list_id, position)
);
create index distribution_list_member_org_idx on distribution_list_member (organization_id);
