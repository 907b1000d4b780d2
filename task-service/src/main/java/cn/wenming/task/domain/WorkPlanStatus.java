package cn.wenming.task.domain;

/**
 * Where a work plan stands: drafted (编制中), in force for its year (执行中), or closed (已结束).
 * DRAFT → ACTIVE → CLOSED, nothing else.
 */
public enum WorkPlanStatus {
    DRAFT,
    ACTIVE,
    CLOSED;

    public boolean canBecome(WorkPlanStatus target) {
        return (this == DRAFT && target == ACTIVE) || (this == ACTIVE && target == CLOSED);
    }
}
