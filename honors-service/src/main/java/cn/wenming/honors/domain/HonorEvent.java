package cn.wenming.honors.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step in an honor's record: who, when, what, the status before and after, and why. */
@Entity
@Table(name = "honor_event")
public class HonorEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The order of the steps, given by the database (also for two steps in one transaction). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "honor_id", nullable = false)
    public UUID honorId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false, length = 32)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    public HonorStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    public HonorStatus toStatus;

    @Column(length = 1000)
    public String note;
}
