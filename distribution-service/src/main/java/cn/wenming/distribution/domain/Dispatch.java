package cn.wenming.distribution.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The sending of one published bulletin issue (第17期) to its lists; a resend is the next round. */
@Entity
@Table(name = "dispatch")
public class Dispatch extends PanacheEntityBase {

    public static final String ROUND_UNIQUE = "dispatch_bulletin_round_unique";

    /** A one-off addition (本期增发) as the client named it. */
    public record Addition(UUID organizationId, Part part) {
    }

    @Id
    public UUID id;

    @Column(name = "bulletin_id", nullable = false)
    public UUID bulletinId;

    @Column(nullable = false)
    public int round;

    @Column(name = "issue_label", nullable = false, length = 40)
    public String issueLabel;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 2000)
    public String summary;

    @Column(length = 500)
    public String link;

    /** The distribution lists named, in the order given. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<UUID> lists = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Addition> additions = new ArrayList<>();

    /** Names of the issue's one-off additions (本期增发) that name no organization: reported, not sent. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> unresolved = new ArrayList<>();

    @Column(name = "acknowledge_by")
    public Instant acknowledgeBy;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    // not a persistence.Recorded: a dispatch is never edited, so its table has no updated_at
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
