package cn.wenming.task.domain;

/** Where a work plan stands: drafted (编制中), in force for its year (执行中), or closed (已结束). */
public enum WorkPlanStatus {
    DRAFT,
    ACTIVE,
    CLOSED
}
