package cn.wenming.honors.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A kind of honor, e.g. 首都道德模范 (persons, by session, in five categories) or 文明单位 (units,
 * by year, held for three years).
 */
@Entity
@Table(name = "honor_program")
public class HonorProgram extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false, length = 16)
    public RecipientKind recipientKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind", nullable = false, length = 16)
    public PeriodKind periodKind;

    /** In the order the office lists them; loaded for a whole page at once by the service. */
    @ElementCollection
    @CollectionTable(name = "honor_program_category", joinColumns = @JoinColumn(name = "program_id"))
    @OrderColumn(name = "ordinal")
    @Column(name = "name", nullable = false, length = 30)
    public List<String> categories = new ArrayList<>();

    /** Years a unit title lasts; null for a person's honor. */
    @Column(name = "term_years")
    public Integer termYears;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static boolean nameTaken(String name) {
        return count("name", name) > 0;
    }
}
