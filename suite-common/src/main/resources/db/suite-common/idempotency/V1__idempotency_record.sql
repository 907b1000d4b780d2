-- Idempotency-Key (API conventions, "Concurrency and retries"): suite-common's, applied in each service's
-- own database by suite-common's own Flyway (cn.wenming.common.idempotency.IdempotencySchema) in a schema of
-- its own, `idempotency`, with its own history table (idempotency.suite_common_schema_history).
--
-- One row per key and caller: the first answer to a creating or triggering POST, replayed for a retry
-- (cn.wenming.common.idempotency.Idempotency). The rows are forgotten after SUITE_IDEMPOTENCY_RETENTION
-- (IdempotencyJanitor). Until this schema existed each service had the same table in `public`; their
-- own migration that replaces it moves its rows here (the columns are the same, in the same order).
create table idempotency.idempotency_record (
    key          varchar(200) not null,
    principal    varchar(100) not null,
    operation    varchar(200) not null,
    request_hash varchar(64)  not null,
    status       integer      not null,
    location     varchar(300),
    etag         varchar(40),
    body         text,
    created_at   timestamptz  not null,
    primary key (principal, key)
);
-- the janitor's delete
create index idempotency_record_created_idx on idempotency.idempotency_record (created_at);
