package cn.wenming.common.page;

import java.util.Set;

import cn.wenming.common.problem.ProblemException;

/**
 * A list's {@code ?sort=field} or {@code ?sort=-field}, checked against the fields that list
 * documents. {@link #spec()} is what a cursor is bound to.
 */
public record Sort(String field, boolean descending) {

    public static Sort parse(String raw, Set<String> allowed, String defaultSpec) {
        String spec = raw == null || raw.isBlank() ? defaultSpec : raw.trim();
        boolean desc = spec.startsWith("-");
        String field = desc ? spec.substring(1) : spec;
        if (!allowed.contains(field)) {
            throw ProblemException.invalid("sort", "只能按 " + String.join(", ", allowed.stream().sorted().toList())
                    + " 排序，字段前加 - 为倒序 (sortable fields; prefix - for descending)");
        }
        return new Sort(field, desc);
    }

    public String spec() {
        return descending ? "-" + field : field;
    }
}
