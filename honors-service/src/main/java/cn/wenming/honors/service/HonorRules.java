package cn.wenming.honors.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.District;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorLevel;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.domain.PeriodKind;
import cn.wenming.honors.domain.RecipientKind;

/**
 * The rules of an honor that need no database: what a nomination must say for its program, the
 * publicity window, and when an honor may be conferred. Dates are the office's (Asia/Shanghai).
 */
public final class HonorRules {

    /** 公示 lasts at least this many days, both the first and the last counted. */
    public static final int MIN_PUBLICITY_DAYS = 5;

    private HonorRules() {
    }

    /** What a nomination breaks of its program's rules and the district rule; empty when it keeps them. */
    public static List<Problem.FieldError> violations(HonorInput in, HonorProgram p) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (p.periodKind == PeriodKind.SESSION && in.session() == null) {
            errors.add(error("session", "此项目按届评选，须填写届次 (required: " + p.name + " is awarded by session)"));
        }
        if (p.periodKind == PeriodKind.YEAR && in.session() != null) {
            errors.add(error("session", "此项目按年度评选，没有届次 (" + p.name + " is awarded by year: no session)"));
        }
        if (p.periodKind == PeriodKind.YEAR && in.year() == null) {
            errors.add(error("year", "此项目按年度评选，须填写年度 (required: " + p.name + " is awarded by year)"));
        }
        String category = strip(in.category());
        if (!p.categories.isEmpty() && (category == null || !p.categories.contains(category))) {
            errors.add(error("category", "必须是 " + String.join("、", p.categories) + " 之一 (must be one of the program's categories)"));
        }
        if (p.categories.isEmpty() && category != null) {
            errors.add(error("category", "此项目不分类别 (" + p.name + " has no categories)"));
        }
        if (!p.levels.contains(level(in))) {
            errors.add(error("level", "此项目只设 " + String.join("、", p.levels.stream().map(Enum::name).toList())
                    + " (the program awards these levels only)"));
        }
        var recipient = in.recipient();
        if (!p.takes(recipient.kind())) {
            errors.add(error("recipient.kind", "此项目授予 " + p.recipientKind
                    + (p.recipientKind == RecipientKind.UNIT ? " (any body, not a person)" : "") + " (the program's recipients)"));
        }
        boolean person = recipient.kind() == RecipientKind.PERSON;
        if (person && recipient.gender() == null) {
            errors.add(error("recipient.gender", "个人须填写性别 (required for a PERSON)"));
        }
        if (!person && recipient.gender() != null) {
            errors.add(error("recipient.gender", "只有个人填写性别 (for a PERSON only)"));
        }
        if (!person && strip(recipient.workUnit()) != null) {
            errors.add(error("recipient.workUnit", "只有个人填写工作单位 (for a PERSON only)"));
        }
        if (!District.isValid(in.district())) {
            errors.add(error("district", District.RULE));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    /** A 400 listing every violation, or nothing. */
    public static void check(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }
    }

    /** The publicity window's rule: at least {@value #MIN_PUBLICITY_DAYS} days, both ends counted. */
    public static List<Problem.FieldError> windowViolations(LocalDate start, LocalDate end) {
        if (end.isBefore(start.plusDays(MIN_PUBLICITY_DAYS - 1L))) {
            return List.of(error("endDate", "公示期不少于" + MIN_PUBLICITY_DAYS + "天（含首尾两日），最早到 " + start.plusDays(MIN_PUBLICITY_DAYS - 1L)
                    + " (publicity lasts at least " + MIN_PUBLICITY_DAYS + " days, both ends counted)"));
        }
        return List.of();
    }

    /**
     * Why {@code h} cannot be conferred by {@code d} on {@code today}, or empty when it can: it must
     * be PUBLICIZING, its window must have ended (today is after its last day), every objection
     * must be resolved, and the document must be dated after the window.
     */
    public static Optional<String> conferralBlocker(Honor h, DecisionDocument d, LocalDate today) {
        if (h.status != HonorStatus.PUBLICIZING) {
            return Optional.of(h.wrongStatus(HonorStatus.ruleFor(HonorStatus.CONFERRED)).getMessage());
        }
        if (!today.isAfter(h.publicityEnd)) {
            return Optional.of("公示期至 " + h.publicityEnd + " 结束，期满后方可授予 (the publicity window ends on " + h.publicityEnd
                    + "; conferral comes after it)");
        }
        if (h.openObjections > 0) {
            return Optional.of("尚有 " + h.openObjections + " 条异议未处理，处理后方可授予 (" + h.openObjections
                    + " objection(s) unresolved: resolve them before conferral)");
        }
        if (!d.issuedOn.isAfter(h.publicityEnd)) {
            return Optional.of("决定文件日期 " + d.issuedOn + " 不晚于公示期结束日 " + h.publicityEnd
                    + " (the decision document must be dated after the publicity window)");
        }
        return Optional.empty();
    }

    public static HonorLevel level(HonorInput in) {
        return in.level() == null ? HonorLevel.AWARD : in.level();
    }

    /** Who the recipient is, for the duplicate guard: kind, name, work unit and district, spacing and case ignored. */
    public static String recipientKey(RecipientKind kind, String name, String workUnit, String district) {
        return String.join("|", kind.name(), normalized(name), normalized(workUnit), normalized(district));
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String normalized(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Problem.FieldError error(String field, String message) {
        return new Problem.FieldError(field, message);
    }
}
