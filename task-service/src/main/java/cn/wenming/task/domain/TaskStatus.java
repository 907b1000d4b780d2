package cn.wenming.task.domain;

/**
 * Where a key task stands. Reports move it: a first report above 0 makes it IN_PROGRESS, a report
 * of 100 makes it COMPLETED. Editors suspend (SUSPENDED) and resume it.
 */
public enum TaskStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    SUSPENDED
}
