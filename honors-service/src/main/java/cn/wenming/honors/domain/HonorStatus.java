package cn.wenming.honors.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an honor: NOMINATED (提名) → PUBLICIZING (公示) → CONFERRED (授予), or WITHDRAWN
 * (撤回) at any point before conferral; a CONFERRED honor can be REVOKED (撤销), and stays on
 * record. Nothing else.
 */
public enum HonorStatus {
    NOMINATED,
    PUBLICIZING,
    CONFERRED,
    WITHDRAWN,
    REVOKED;

    /** The statuses this one may move to. */
    public Set<HonorStatus> next() {
        return switch (this) {
            case NOMINATED -> EnumSet.of(PUBLICIZING, WITHDRAWN);
            case PUBLICIZING -> EnumSet.of(CONFERRED, WITHDRAWN);
            case CONFERRED -> EnumSet.of(REVOKED);
            case WITHDRAWN, REVOKED -> EnumSet.noneOf(HonorStatus.class);
        };
    }

    public boolean canBecome(HonorStatus target) {
        return next().contains(target);
    }

    /** The rule that lets an honor become {@code target}, as a 409 names it. */
    public static String ruleFor(HonorStatus target) {
        return switch (target) {
            case PUBLICIZING -> "只有提名中的荣誉可以公示 (only a NOMINATED honor can be publicized)";
            case CONFERRED -> "只有公示中的荣誉可以在公示期满后授予 (only a PUBLICIZING honor can be conferred, after its window)";
            case WITHDRAWN -> "只有授予前的荣誉可以撤回 (only a NOMINATED or PUBLICIZING honor can be withdrawn)";
            case REVOKED -> "只有已授予的荣誉可以撤销 (only a CONFERRED honor can be revoked)";
            case NOMINATED -> "荣誉只能新建为提名 (an honor is NOMINATED only when it is created)";
        };
    }
}
