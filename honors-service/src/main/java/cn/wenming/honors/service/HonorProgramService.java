package cn.wenming.honors.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.honors.domain.HonorLevel;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.domain.RecipientKind;

/**
 * The rules of honor programs: names are unique, categories are distinct, and only a unit title
 * (not a person's honor) has a term in years.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class HonorProgramService {

    /** The fields a program list can be sorted by. */
    public static final Set<String> SORTABLE = Set.of("name", "createdAt");
    public static final String DEFAULT_SORT = "name";

    private static final String NAME_UNIQUE = "honor_program_name_unique";

    @Inject
    Clock clock;

    public HonorProgram create(HonorProgramInput in) {
        List<Problem.FieldError> errors = violations(in);
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }
        String name = in.name().strip();
        if (HonorProgram.nameTaken(name)) {
            throw nameConflict(name);
        }
        HonorProgram p = new HonorProgram();
        p.id = UUID.randomUUID();
        p.name = name;
        p.recipientKind = in.recipientKind();
        p.periodKind = in.periodKind();
        p.categories = new ArrayList<>(categories(in));
        p.levels = new ArrayList<>(levels(in));
        p.termYears = in.termYears();
        p.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        p.updatedAt = p.createdAt;
        // a concurrent create may take the name between the check and the insert
        Constraints.flushOrConflict(p::persistAndFlush, NAME_UNIQUE, () -> nameConflict(name));
        return p;
    }

    @Transactional(SUPPORTS)
    public Optional<HonorProgram> find(UUID id) {
        return HonorProgram.<HonorProgram>find("from HonorProgram p left join fetch p.categories where p.id = ?1", id)
                .singleResultOptional();
    }

    /**
     * One page, {@code limit + 1} rows (see {@link PageRequest#fetchSize()}), of all programs or
     * of those for one kind of recipient (null: all), with their categories loaded by one more
     * query for the whole page (never one per program).
     */
    @Transactional(SUPPORTS)
    public List<HonorProgram> list(PageRequest page, Sort sort, RecipientKind kind) {
        String key = sort.field();
        var q = new ListQuery()
                .filter("recipientKind = :kind", "kind", kind)
                .after(page, key, sort.descending(), key.equals("createdAt") ? ListQuery::instant : ListQuery::text);
        List<HonorProgram> rows = HonorProgram.<HonorProgram>find(q.hql(key, sort.descending()), q.params())
                .page(0, page.fetchSize())
                .list();
        if (!rows.isEmpty()) {
            // initializes the categories of the programs already in the persistence context
            HonorProgram.getEntityManager()
                    .createQuery("select distinct p from HonorProgram p left join fetch p.categories where p.id in :ids", HonorProgram.class)
                    .setParameter("ids", rows.stream().map(p -> p.id).toList())
                    .getResultList();
        }
        return rows;
    }

    /** The cursor key of a program under a sort. */
    public static String sortKey(HonorProgram p, Sort sort) {
        return sort.field().equals("createdAt") ? p.createdAt.toString() : p.name;
    }

    /**
     * The rules across fields that Bean Validation cannot state: categories are distinct (after
     * trimming), and a term in years belongs to a unit title only. Empty when the input keeps them.
     */
    public static List<Problem.FieldError> violations(HonorProgramInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> categories = categories(in);
        Set<String> seen = new HashSet<>();
        List<String> repeated = categories.stream().filter(c -> !seen.add(c)).distinct().toList();
        if (!repeated.isEmpty()) {
            errors.add(new Problem.FieldError("categories",
                    "类别不能重复 (categories must be distinct): " + String.join(", ", repeated)));
        }
        List<HonorLevel> levels = in.levels() == null ? List.of() : in.levels();
        if (levels.stream().distinct().count() < levels.size()) {
            errors.add(new Problem.FieldError("levels", "级别不能重复 (levels must be distinct)"));
        }
        if (in.termYears() != null && in.recipientKind() != null && !in.recipientKind().holdsTitleForTerm()) {
            errors.add(new Problem.FieldError("termYears",
                    "个人荣誉没有命名期限 (only a title held by a unit, not a PERSON honor, has a term)"));
        }
        return errors;
    }

    private static List<String> categories(HonorProgramInput in) {
        return in.categories() == null ? List.of()
                : in.categories().stream().map(c -> c == null ? null : c.strip()).toList();
    }

    private static List<HonorLevel> levels(HonorProgramInput in) {
        return in.levels() == null || in.levels().isEmpty() ? List.of(HonorLevel.AWARD) : in.levels();
    }

    private static ProblemException nameConflict(String name) {
        return ProblemException.conflict("已有同名的表彰项目 (an honor program with this name exists): " + name);
    }
}
