-- The audit trail (SECURITY.md, "Audit trail"): suite-common's, applied in each service's own database by
-- suite-common's own Flyway (cn.wenming.common.audit.AuditSchema) in a schema of its own, `audit`, with
-- its own history table (audit.suite_common_schema_history), so it never meets the service's migrations.
--
-- One row per audited request (or per transaction of one): who, for which body, with which roles, from
-- where, what, on which resource, the versions before and after, the outcome, the request id. Rows are
-- chained: `hash` is SHA-256 over the row's content and `prev_hash`, the hash of the row before it
-- (cn.wenming.common.audit.AuditChain says exactly what is hashed). `seq` is gap-free: it is taken as the
-- last one + 1 under a transaction-level advisory lock, held from the write until the commit.
create table audit.audit_record (
    seq            bigint      primary key,
    id             uuid        not null unique,
    recorded_at    timestamptz not null,
    user_name      text,
    org            text,
    roles          text,
    client_address text,
    method         text        not null,
    path           text        not null,
    query          text,
    operation      text,
    resource_type  text,
    resource_id    text,
    version_before bigint,
    version_after  bigint,
    outcome        text        not null check (outcome in ('SUCCESS', 'REPLAYED', 'REFUSED', 'FAILED')),
    status         integer,
    request_id     text,
    detail         text,
    changes        text,
    prev_hash      text        not null,
    hash           text        not null
);
-- the admins' filters (each also ordered by seq, newest first, like the list)
create index audit_record_recorded_at_idx on audit.audit_record (recorded_at);
create index audit_record_user_idx on audit.audit_record (user_name, seq);
create index audit_record_org_idx on audit.audit_record (org, seq);
create index audit_record_resource_idx on audit.audit_record (resource_id, seq);
create index audit_record_request_idx on audit.audit_record (request_id);

-- Append-only, for every database user, the service's own and the owner included (the local run and
-- the tests connect as the superuser postgres, whom privileges would not stop): UPDATE is refused, and
-- so is DELETE of a record younger than 180 days (the Cybersecurity Law's six months of logs; the
-- purge removes only older ones), and TRUNCATE.
create function audit.audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.recorded_at < now() - interval '180 days' then
        return old;
    end if;
    raise exception 'audit.audit_record is append-only: % of record % refused', tg_op, old.seq;
end
$$;

create function audit.audit_record_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit.audit_record is append-only: TRUNCATE refused';
end
$$;

create trigger audit_record_append_only before update or delete on audit.audit_record
    for each row execute function audit.audit_record_append_only();
create trigger audit_record_no_truncate before truncate on audit.audit_record
    for each statement execute function audit.audit_record_no_truncate();
