package cn.wenming.common.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.wenming.common.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The service's audit trail: recording what the REST layer saw after the answer ({@link AuditFilters}),
 * and what admins do with the trail: read it, verify it, export it, purge what is past the retention.
 * The records of changes themselves are written by {@link TxAudit}, inside the changes' transactions.
 */
@ApplicationScoped
public class AuditTrail {

    /** The format of an export. */
    public enum Format {
        CSV, JSONL
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    SuiteAuditConfig config;

    @Inject
    AuditTransactions transactions;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** This service's name: the {@code {service}} of its audit paths. */
    public String service() {
        return service;
    }

    /** How long records are kept at least. */
    public java.time.Duration retention() {
        return config.retention();
    }

    /** Appends a record in a transaction of its own (a refusal, a read, a write that changed nothing). */
    void recordAfter(AuditEntry entry) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                AuditChain.append(c, entry, clock.instant());
            } catch (SQLException e) {
                throw new IllegalStateException("the audit record cannot be written: " + e.getMessage(), e);
            }
        });
    }

    /** One page, newest first: at most {@code limit} records older than {@code afterSeq} (null: from the newest). */
    public List<AuditRecord> page(AuditQuery query, Long afterSeq, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return AuditChain.read(c, query, afterSeq, true, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail cannot be read: " + e.getMessage(), e);
        }
    }

    public AuditChain.Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            return AuditChain.verify(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes every record that matches {@code query}, oldest first, to {@code out}: read in batches, each
     * with a connection of its own that is given back before the batch is written, so a slow client
     * never holds a connection; flushed after each batch, so the export streams.
     */
    public void export(AuditQuery query, Format format, OutputStream out) throws IOException {
        try (AuditExport writer = AuditExport.of(format, out)) {
            Long after = null;
            while (true) {
                List<AuditRecord> batch;
                try (Connection c = dataSource.getConnection()) {
                    batch = AuditChain.read(c, query, after, false, AuditChain.BATCH);
                } catch (SQLException e) {
                    throw new IOException("the audit trail cannot be read: " + e.getMessage(), e);
                }
                for (AuditRecord r : batch) {
                    writer.write(r);
                }
                writer.flush();
                if (batch.size() < AuditChain.BATCH) {
                    return;
                }
                after = batch.get(batch.size() - 1).seq();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** What a purge did. */
    public record Purged(Instant before, int removed, Long firstSeq, String detail) {
    }

    /**
     * Removes the records written before {@code before}, which must lie at least the retention in the
     * past (a 409 otherwise, and nothing is removed). The purge's own record, written in the same
     * transaction, says how many went and which record the trail now starts at (its versions: the first
     * seq before and after), which is what lets {@link AuditChain#verify} tell a purge from a removal by
     * hand.
     */
    @Transactional
    public Purged purge(Instant before, String reason) {
        Instant youngest = clock.instant().minus(config.retention());
        if (before.isAfter(youngest)) {
            throw ProblemException.conflict("审计记录至少保存 " + config.retention().toDays() + " 天：before 不能晚于 " + youngest
                    + " (records are kept " + config.retention().toDays() + " days: before must be at or before " + youngest + ")");
        }
        AuditChain.Purged purged;
        try (Connection c = transactions.connection()) {
            purged = AuditChain.purge(c, before);
        } catch (SQLException e) {
            if ("P0001".equals(e.getSQLState())) {
                // the database's own refusal (its clock and this service's disagree): nothing was removed
                throw ProblemException.conflict("数据库拒绝删除保存期内的审计记录 (the database refuses to delete records within the retention)");
            }
            throw new IllegalStateException("the audit trail cannot be purged: " + e.getMessage(), e);
        }
        String detail = "已删除 " + purged.removed() + " 条 " + before + " 之前的记录 (removed " + purged.removed() + " records written before "
                + before + ")" + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        transactions.describe(new TxAudit.Described(AuditResource.TRAIL, service, purged.firstBefore(), purged.firstAfter(), detail));
        return new Purged(before, purged.removed(), purged.firstAfter(), detail);
    }
}
