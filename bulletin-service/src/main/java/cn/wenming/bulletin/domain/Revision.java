package cn.wenming.bulletin.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of an issue: who, when, what, and each field before and after. */
@Entity
@Table(name = "bulletin_revision")
public class Revision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "bulletin_id", nullable = false)
    public UUID bulletinId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false, length = 32)
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<FieldChange> changes = new ArrayList<>();

    /** A field's value before and after, as JSON values. */
    public record FieldChange(String field, Object before, Object after) {
    }
}
