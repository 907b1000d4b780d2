-- Idempotency-Key answers are suite-common's now: its schema `idempotency` (cn.wenming.common.idempotency.IdempotencySchema)
-- is migrated before this script, at every start. The table of V4__dispatches.sql moves there with its rows, so that a
-- retry of a request answered before the upgrade is still replayed.
insert into idempotency.idempotency_record select * from idempotency_record;
drop table idempotency_record;
-- The previous release, still serving on its replicas until a rolling update replaces them, writes through
-- this view into suite-common's table, so its Idempotency-Keys keep working (and are kept) meanwhile.
-- It is unused after the rollout: a later migration may drop it.
create view idempotency_record as select * from idempotency.idempotency_record;
