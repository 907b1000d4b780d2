package cn.wenming.distribution.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One copy of a dispatch for one recipient, under the highest part that named it. */
@Entity
@Table(name = Delivery.TABLE)
public class Delivery extends PanacheEntityBase {

    /** The table, which is also the worker's queue ({@code WorkQueue}). */
    public static final String TABLE = "delivery";

    /** What {@link #namedBy} says of a one-off addition. */
    public static final String ADDITION = "本期增发";

    @Id
    public UUID id;

    @Column(name = "dispatch_id", nullable = false)
    public UUID dispatchId;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "organization_name", nullable = false, length = 100)
    public String organizationName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Part part;

    /** The names of the lists that named the recipient, and 本期增发 for a one-off addition. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "named_by", nullable = false)
    public List<String> namedBy = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    // not a persistence.Recorded: its table has no updated_at (sentAt and acknowledgedAt say what happened when)
    /** When its dispatch was made (a recipient's own deliveries are listed newest first). */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "acknowledged_by", length = 100)
    public String acknowledgedBy;

    @Version
    public long version;
}
