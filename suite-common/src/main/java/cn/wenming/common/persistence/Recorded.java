package cn.wenming.common.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every service keeps of each thing it lets people edit: when it was entered ({@code created_at}),
 * when it last changed ({@code updated_at}), and its version ({@code version}, the ETag that If-Match
 * names; Hibernate raises it on every change it writes). The service sets the two instants; the
 * columns are in the entity's own table.
 *
 * <p>An entity that lacks one of the columns (an append-only record with no {@code updated_at}, say)
 * does not extend it and says so beside its own fields.
 */
@MappedSuperclass
public abstract class Recorded extends PanacheEntityBase {

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
