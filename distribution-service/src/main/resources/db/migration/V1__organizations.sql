-- A recipient body of the bulletin (中央文明办), or a recipient group named as one (各区文明办).
-- Its kind says which part of the 报/送/发 block it belongs to: 报 up to a SUPERIOR, 送 to a PEER,
-- 发 down to a SUBORDINATE.
create table organization (
    id             uuid primary key,
    name           varchar(100) not null,
    short_name     varchar(30),
    kind           varchar(16)  not null check (kind in ('SUPERIOR', 'PEER', 'SUBORDINATE')),
    contact_person varchar(50),
    contact_phone  varchar(30),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0,
    -- names are unique; this index also serves keyset pages by name (a unique name orders them alone)
    constraint organization_name_unique unique (name)
);
-- keyset pages by creation time
create index organization_created_idx on organization (created_at, id);
-- ?kind= filtered pages by name
create index organization_kind_name_idx on organization (kind, name, id);
