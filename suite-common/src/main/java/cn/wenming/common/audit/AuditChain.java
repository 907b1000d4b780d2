package cn.wenming.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The chain in SQL, on a connection the caller gives and whose transaction the caller ends: append,
 * verify, read, purge. Plain JDBC, because the record of a change is written from the transaction's
 * completion, after Hibernate's own flush, on the connection the transaction already holds (see
 * {@link AuditTransactions}), where no entity manager may be used any more.
 */
public final class AuditChain {

    /**
     * The key of the transaction-level advisory lock that serializes writers of the chain (threads of one
     * replica and replicas alike, since they share the database): taken at the write, released by the
     * commit or rollback, so each writer reads the last committed record and follows it.
     */
    static final long LOCK = 0x7765_6e6d_696e_6741L;

    static final String TABLE = AuditSchema.SCHEMA + ".audit_record";

    /** How many records one query of a verification or an export reads: every statement stays short. */
    static final int BATCH = 500;

    private AuditChain() {
    }

    /**
     * Appends {@code entry} as the record after the last one, written {@code at}. Must run inside a
     * transaction (the lock is held until it ends). Deferred constraints of the transaction are checked
     * first: a commit-time check must never wait on another writer while this one holds the chain's lock.
     */
    public static AuditRecord append(Connection c, AuditEntry entry, Instant at) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set constraints all immediate");
        }
        lock(c);
        long seq = 1;
        String prev = AuditRecord.GENESIS;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select seq, hash from " + TABLE + " order by seq desc limit 1")) {
            if (r.next()) {
                seq = r.getLong(1) + 1;
                prev = r.getString(2);
            }
        }
        AuditRecord record = AuditRecord.next(seq, at, entry, prev);
        try (PreparedStatement p = c.prepareStatement("insert into " + TABLE + " (" + AuditRecord.COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            AuditEntry e = record.entry();
            p.setLong(1, record.seq());
            p.setObject(2, record.id());
            p.setObject(3, OffsetDateTime.ofInstant(record.at(), ZoneOffset.UTC));
            p.setString(4, e.user());
            p.setString(5, e.org());
            p.setString(6, e.roles());
            p.setString(7, e.clientAddress());
            p.setString(8, e.method());
            p.setString(9, e.path());
            p.setString(10, e.query());
            p.setString(11, e.operation());
            p.setString(12, e.resourceType());
            p.setString(13, e.resourceId());
            p.setObject(14, e.versionBefore());
            p.setObject(15, e.versionAfter());
            p.setString(16, e.outcome().name());
            p.setObject(17, e.status());
            p.setString(18, e.requestId());
            p.setString(19, e.detail());
            p.setString(20, e.changes());
            p.setString(21, record.prevHash());
            p.setString(22, record.hash());
            p.executeUpdate();
        }
        return record;
    }

    /**
     * Whether the connection's transaction wrote anything (in SQL as well as through entities):
     * PostgreSQL gives a transaction an id only when it first writes or locks a row.
     */
    static boolean wrote(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_current_xact_id_if_assigned() is not null")) {
            return r.next() && r.getBoolean(1);
        }
    }

    static void lock(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            p.setLong(1, LOCK);
            p.execute();
        }
    }

    /** The outcome of a verification. {@code invalid} is null when the chain holds. */
    public record Verification(boolean valid, long checked, Long firstSeq, Long lastSeq, String lastHash, Invalid invalid) {
    }

    /** The first record that does not match, and why. */
    public record Invalid(long seq, java.util.UUID id, String reason) {
    }

    /**
     * Recomputes the chain from its first remaining record to its last: each record's hash over its
     * content and the previous record's hash, each {@code prev_hash} against the record before, each
     * {@code seq} against the one before + 1. A first record other than seq 1 must be the one a purge
     * left (a purge record names it); otherwise records were removed by hand. Reads in batches by seq,
     * each its own short statement.
     */
    public static Verification verify(Connection c) throws SQLException {
        long checked = 0;
        Long first = null;
        AuditRecord last = null;
        while (true) {
            List<AuditRecord> batch = new ArrayList<>(BATCH);
            try (PreparedStatement p = c.prepareStatement("select " + AuditRecord.COLUMNS + " from " + TABLE
                    + " where seq > ? order by seq limit " + BATCH)) {
                p.setLong(1, last == null ? Long.MIN_VALUE : last.seq());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        batch.add(AuditRecord.of(r));
                    }
                }
            }
            for (AuditRecord rec : batch) {
                String reason = null;
                if (last == null) {
                    first = rec.seq();
                    if (rec.seq() != 1 && !purgedBefore(c, rec.seq())) {
                        reason = "记录从 seq " + rec.seq() + " 开始，但没有清理记录删除之前的记录 (the trail starts at seq " + rec.seq()
                                + " but no purge removed the records before it)";
                    } else if (rec.seq() == 1 && !AuditRecord.GENESIS.equals(rec.prevHash())) {
                        reason = "第一条记录的 prev_hash 不是链的起点 (the first record does not start the chain)";
                    }
                } else if (rec.seq() != last.seq() + 1) {
                    reason = "缺少 seq " + (last.seq() + 1) + " (seq " + (last.seq() + 1) + " is missing before it)";
                } else if (!last.hash().equals(rec.prevHash())) {
                    reason = "prev_hash 与第 " + last.seq() + " 条记录的哈希不符 (its prev_hash is not the hash of record " + last.seq() + ")";
                }
                if (reason == null && !rec.computeHash().equals(rec.hash())) {
                    reason = "内容与哈希不符 (its content does not match its hash)";
                }
                if (reason != null) {
                    return new Verification(false, checked, first, rec.seq(), null, new Invalid(rec.seq(), rec.id(), reason));
                }
                checked++;
                last = rec;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        return new Verification(true, checked, first, last == null ? null : last.seq(), last == null ? null : last.hash(), null);
    }

    /** Whether a successful purge left {@code seq} as the first record (its record says so: {@code version_after}). */
    private static boolean purgedBefore(Connection c, long seq) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select 1 from " + TABLE + " where operation = ? and outcome = 'SUCCESS' "
                + "and resource_type = ? and version_after = ? limit 1")) {
            p.setString(1, AuditResource.PURGE);
            p.setString(2, AuditResource.TRAIL);
            p.setLong(3, seq);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** What a purge did: the first seq before and after it, and how many records it removed. */
    record Purged(Long firstBefore, Long firstAfter, int removed) {
    }

    /**
     * Removes the records written before {@code before}, oldest first and only as a prefix of the
     * chain: the first record at or after {@code before}, or the last record if all are older, stays,
     * and so does everything after it. The caller checked the retention; the database's trigger checks
     * it again for every row. Inside the caller's transaction, under the chain's lock.
     */
    static Purged purge(Connection c, Instant before) throws SQLException {
        lock(c);
        Long first;
        Long keepFrom;
        try (PreparedStatement p = c.prepareStatement("select (select min(seq) from " + TABLE + "), "
                + "coalesce((select min(seq) from " + TABLE + " where recorded_at >= ?), (select max(seq) from " + TABLE + "))")) {
            p.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                first = (Long) r.getObject(1);
                keepFrom = (Long) r.getObject(2);
            }
        }
        if (first == null || keepFrom <= first) {
            return new Purged(first, first, 0);
        }
        try (PreparedStatement p = c.prepareStatement("delete from " + TABLE + " where seq < ?")) {
            p.setLong(1, keepFrom);
            return new Purged(first, keepFrom, p.executeUpdate());
        }
    }

    /**
     * Reads the records that match {@code query}: at most {@code limit} after the record {@code afterSeq}
     * (exclusive; null from the start), newest first when {@code descending} (then "after" means older).
     */
    static List<AuditRecord> read(Connection c, AuditQuery query, Long afterSeq, boolean descending, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = query.where(params);
        if (afterSeq != null) {
            where += (where.isEmpty() ? " where " : " and ") + "seq " + (descending ? "<" : ">") + " ?";
            params.add(afterSeq);
        }
        List<AuditRecord> records = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select " + AuditRecord.COLUMNS + " from " + TABLE + where + " order by seq"
                + (descending ? " desc" : "") + " limit " + limit)) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    records.add(AuditRecord.of(r));
                }
            }
        }
        return records;
    }

    /** Every record that matches {@code query}, oldest first, to {@code out}, in batches. */
    static long readAll(Connection c, AuditQuery query, Consumer<AuditRecord> out) throws SQLException {
        long n = 0;
        Long after = null;
        while (true) {
            List<AuditRecord> batch = read(c, query, after, false, BATCH);
            batch.forEach(out);
            n += batch.size();
            if (batch.size() < BATCH) {
                return n;
            }
            after = batch.get(batch.size() - 1).seq();
        }
    }
}
