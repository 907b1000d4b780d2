-- Dispatches are made of the published issue itself (issue 18): the names of its one-off additions
-- (本期增发) that name no organization are kept on the dispatch, never dropped silently.
alter table dispatch add column unresolved jsonb not null default '[]';

-- A recipient body's system lists its own deliveries, newest first: each delivery carries when its
-- dispatch was made.
alter table delivery add column created_at timestamptz;
update delivery d set created_at = x.created_at from dispatch x where x.id = d.dispatch_id;
alter table delivery alter column created_at set not null;
create index delivery_organization_idx on delivery (organization_id, created_at desc, id desc);
