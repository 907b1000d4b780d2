package cn.wenming.honors.domain;

import java.time.LocalDate;
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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.wenming.common.persistence.Recorded;

/**
 * A kind of honor, e.g. 首都道德模范 (persons, by session, in five categories) or 文明单位 (units,
 * by year, held for three years).
 */
@Entity
@Table(name = "honor_program")
public class HonorProgram extends Recorded {

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

    /** The levels it awards: the honor itself (AWARD) and, for some, the nomination award (提名奖). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<HonorLevel> levels = new ArrayList<>(List.of(HonorLevel.AWARD));

    /** Years a unit title lasts; null for a person's honor. */
    @Column(name = "term_years")
    public Integer termYears;

    /**
     * Whether a recipient of this kind may hold this program's honor: a PERSON program takes
     * persons only; a UNIT program any body (unit, street, community, village, family, campus);
     * any other program exactly its kind.
     */
    public boolean takes(RecipientKind kind) {
        if (recipientKind == RecipientKind.UNIT) {
            return kind.holdsTitleForTerm();
        }
        return recipientKind == kind;
    }

    /** The day a title conferred on {@code conferredOn} lapses; null when this program's honors do not. */
    public LocalDate expiryOf(LocalDate conferredOn, RecipientKind kind) {
        return termYears == null || !kind.holdsTitleForTerm() ? null : conferredOn.plusYears(termYears);
    }

    public static boolean nameTaken(String name) {
        return count("name", name) > 0;
    }
}
