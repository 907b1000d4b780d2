package cn.wenming.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One record of the trail as stored: its place in the chain ({@code seq}, gap-free from 1), its id, the
 * time it was written, what it says ({@link AuditEntry}), the hash of the record before it and its own.
 */
public record AuditRecord(long seq, UUID id, Instant at, AuditEntry entry, String prevHash, String hash) {

    /** The {@code prev_hash} of the very first record. */
    public static final String GENESIS = "0".repeat(64);

    /** The columns, in the order {@link #of(ResultSet)} reads them. */
    static final String COLUMNS = "seq, id, recorded_at, user_name, org, roles, client_address, method, path, query, operation, "
            + "resource_type, resource_id, version_before, version_after, outcome, status, request_id, detail, changes, prev_hash, hash";

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    /** A new record at {@code seq} after the record whose hash is {@code prevHash}, its hash computed. */
    static AuditRecord next(long seq, Instant at, AuditEntry entry, String prevHash) {
        AuditRecord unhashed = new AuditRecord(seq, UUID.randomUUID(), at.truncatedTo(java.time.temporal.ChronoUnit.MICROS), entry, prevHash, null);
        return new AuditRecord(seq, unhashed.id, unhashed.at, entry, prevHash, unhashed.computeHash());
    }

    /**
     * SHA-256, in lower-case hex, of the record's canonical form: the UTF-8 JSON array of {@code seq},
     * {@code id}, the time (ISO-8601 UTC, microseconds as stored), every field of the entry in the order
     * of {@link AuditEntry} (the outcome by name), and last {@code prevHash}. JSON's quoting keeps the
     * fields apart, so no two different records have the same canonical form. Anyone can recompute it
     * from an export.
     */
    public String computeHash() {
        AuditEntry e = entry;
        Object[] canonical = { seq, id.toString(), at.toString(), e.user(), e.org(), e.roles(), e.clientAddress(), e.method(), e.path(),
                e.query(), e.operation(), e.resourceType(), e.resourceId(), e.versionBefore(), e.versionAfter(), e.outcome().name(),
                e.status(), e.requestId(), e.detail(), e.changes(), prevHash };
        try {
            byte[] bytes = CANONICAL.writeValueAsString(Arrays.asList(canonical)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e1) {
            throw new IllegalStateException("an audit record cannot be hashed", e1);
        }
    }

    /** The record of the current row of a query that selected {@link #COLUMNS}. */
    static AuditRecord of(ResultSet r) throws SQLException {
        AuditEntry entry = new AuditEntry(r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                r.getString(9), r.getString(10), r.getString(11), r.getString(12), r.getString(13), longOrNull(r, 14),
                longOrNull(r, 15), Outcome.valueOf(r.getString(16)), intOrNull(r, 17), r.getString(18), r.getString(19),
                r.getString(20));
        return new AuditRecord(r.getLong(1), r.getObject(2, UUID.class), r.getObject(3, OffsetDateTime.class).toInstant(), entry,
                r.getString(21), r.getString(22));
    }

    private static Long longOrNull(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet r, int column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }
}
