package cn.wenming.bulletin.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A hand-off to another service, written in the transaction of the change it reports (the
 * publication of an issue) and relayed until accepted; then deleted.
 */
@Entity
@Table(name = OutboxMessage.TABLE)
public class OutboxMessage extends PanacheEntityBase {

    public static final String TABLE = "outbox_message";

    public static final String DISPATCH = "DISPATCH";

    @Id
    public UUID id;

    @Column(name = "bulletin_id", nullable = false)
    public UUID bulletinId;

    @Column(nullable = false, length = 20)
    public String kind;

    /** The request body as JSON text, exactly as it is sent. */
    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    public String lastError;

    /** The request id of the change that wrote it, carried on to the receiver. */
    @Column(name = "request_id", length = 100)
    public String requestId;

    // not a persistence.Recorded: a message is deleted once accepted, never edited, so its table has neither
    // updated_at nor version
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
