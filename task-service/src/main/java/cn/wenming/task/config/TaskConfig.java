package cn.wenming.task.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** task-service's own settings. */
@ConfigMapping(prefix = "task")
public interface TaskConfig {

    Supervision supervision();

    Bulk bulk();

    interface Supervision {
        /**
         * A task with no progress report for this many days (counted from the plan's activation
         * when it has none) is stalled and on the supervision list. Env:
         * {@code TASK_SUPERVISION_STALLED_AFTER_DAYS}.
         */
        @WithDefault("30")
        int stalledAfterDays();
    }

    interface Bulk {
        /** The most rows one bulk progress request may carry. Env: {@code TASK_BULK_MAX_ROWS}. */
        @WithDefault("500")
        int maxRows();
    }
}
