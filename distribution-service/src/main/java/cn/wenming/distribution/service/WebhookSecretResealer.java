package cn.wenming.distribution.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import cn.wenming.distribution.domain.Organization;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Brings every stored webhook secret under the current key: a secret in plain text (stored before
 * secrets were encrypted, or by a replica of an older version during the upgrade) is sealed, and
 * one sealed under another configured key is opened and sealed again with the current one. Runs
 * once at start and then every {@code DISTRIBUTION_WEBHOOK_SECRETS_RESEAL_EVERY}.
 *
 * <p>It walks the organizations by id in small transactions ({@value #BATCH} rows), locking the rows
 * it rewrites ({@code FOR UPDATE SKIP LOCKED}), so two replicas share the work without waiting for
 * each other and an admin's edit of an organization is never overwritten by a stale value: a row
 * being edited is skipped and taken at the next pass. The organization's version is left as it is:
 * its content, as the API shows it, has not changed (no spurious 412 for a client holding its ETag).
 * A secret whose key is not configured (or that does not verify) is left untouched and reported.
 */
@ApplicationScoped
public class WebhookSecretResealer {

    private static final Logger LOG = Logger.getLogger(WebhookSecretResealer.class);

    /** Rows per transaction: short locks, small work lost if a replica stops mid-pass. */
    static final int BATCH = 50;
    private static final UUID NIL = new UUID(0, 0);

    /** What one pass did: plain secrets sealed, secrets moved to the current key, secrets it could not open (and their key ids). */
    public record Pass(int sealed, int resealed, int unreadable, Set<String> unreadableKeyIds) {
    }

    private record Batch(int seen, UUID last, int sealed, int resealed, List<String> unreadable) {
    }

    @Inject
    WebhookSecrets secrets;

    void onStart(@Observes StartupEvent start) {
        try {
            resealAll();
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhook secrets: the pass at start did not finish; the periodic pass takes it up again");
        }
    }

    @Scheduled(identity = "reseal-webhook-secrets", every = "${distribution.webhook.secrets.reseal-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        resealAll();
    }

    /** One pass over every organization with a secret to seal or re-encrypt; returns what it did. */
    public Pass resealAll() {
        KeyRing ring = secrets.ring();
        UUID after = NIL;
        int sealed = 0;
        int resealed = 0;
        List<String> unreadable = new ArrayList<>();
        while (true) {
            UUID from = after;
            Batch b = QuarkusTransaction.requiringNew().call(() -> batch(ring, from));
            sealed += b.sealed();
            resealed += b.resealed();
            unreadable.addAll(b.unreadable());
            if (b.seen() < BATCH) {
                break;
            }
            after = b.last();
        }
        Pass pass = new Pass(sealed, resealed, unreadable.size(), new TreeSet<>(unreadable));
        if (sealed + resealed > 0) {
            LOG.infof("webhook secrets: %d sealed from plain text, %d re-encrypted, now under key %s", sealed, resealed, ring.currentKeyId());
        }
        if (!unreadable.isEmpty()) {
            LOG.warnf("webhook secrets: %d cannot be opened with the configured keys (their key ids: %s); their webhook deliveries "
                    + "fail until the key is configured again or an admin sets a new secret", unreadable.size(), pass.unreadableKeyIds());
        }
        return pass;
    }

    /** The next {@value #BATCH} rows after {@code after} that need work, locked, each sealed under the current key. */
    private Batch batch(KeyRing ring, UUID after) {
        return Organization.getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            record Row(UUID id, String plain, String keyId, byte[] sealed) {
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    select id, webhook_secret, webhook_secret_key_id, webhook_secret_sealed from organization
                    where id > ? and (webhook_secret is not null or webhook_secret_key_id <> ?)
                    order by id limit ? for update skip locked""")) {
                select.setObject(1, after);
                select.setString(2, ring.currentKeyId());
                select.setInt(3, BATCH);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Row(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getBytes(4)));
                    }
                }
            }
            int sealed = 0;
            int resealed = 0;
            List<String> unreadable = new ArrayList<>();
            try (PreparedStatement update = c.prepareStatement(
                    "update organization set webhook_secret = null, webhook_secret_key_id = ?, webhook_secret_sealed = ? where id = ?")) {
                for (Row row : rows) {
                    String secret;
                    if (row.plain() != null) {
                        secret = row.plain();
                        sealed++;
                    } else {
                        try {
                            secret = ring.open(row.id(), row.keyId(), row.sealed());
                        } catch (KeyRing.Unreadable e) {
                            unreadable.add(String.valueOf(row.keyId()));
                            continue;
                        }
                        resealed++;
                    }
                    KeyRing.Sealed s = ring.seal(row.id(), secret);
                    update.setString(1, s.keyId());
                    update.setBytes(2, s.bytes());
                    update.setObject(3, row.id());
                    update.addBatch();
                }
                if (sealed + resealed > 0) {
                    update.executeBatch();
                }
            }
            return new Batch(rows.size(), rows.isEmpty() ? after : rows.get(rows.size() - 1).id(), sealed, resealed, unreadable);
        });
    }
}
