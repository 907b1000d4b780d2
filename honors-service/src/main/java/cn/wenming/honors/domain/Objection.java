package cn.wenming.honors.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An objection (异议) to an honor, raised during its publicity; never public. */
@Entity
@Table(name = "honor_objection")
public class Objection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "honor_id", nullable = false)
    public UUID honorId;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    /** Who raised it; null when anonymous (匿名). */
    @Column(length = 100)
    public String objector;

    @Column(name = "objector_contact", length = 100)
    public String objectorContact;

    @Column(nullable = false, length = 2000)
    public String content;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public ObjectionResolution resolution;

    @Column(name = "resolution_note", length = 1000)
    public String resolutionNote;

    @Column(name = "resolved_by", length = 100)
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "recorded_by", nullable = false, length = 100)
    public String recordedBy;

    // not a persistence.Recorded: its table has no updated_at (an objection is recorded, then resolved once: resolvedAt)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public boolean open() {
        return resolution == null;
    }
}
