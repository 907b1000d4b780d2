package cn.wenming.common.page;

import java.util.Optional;

import cn.wenming.common.problem.ProblemException;

/**
 * A validated request for one page: at most {@link #MAX_LIMIT} items after the cursor, if any.
 * Services fetch {@code limit + 1} rows so {@link Page#of} can tell whether another page follows.
 */
public record PageRequest(int limit, String sort, Optional<Cursor> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** From the raw query parameters; a bad limit or cursor is a 400 problem naming the parameter. */
    public static PageRequest of(String limit, String cursor, String sort) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("limit", "必须是 1 到 " + MAX_LIMIT + " 之间的整数 (must be an integer from 1 to " + MAX_LIMIT + ")");
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw ProblemException.invalid("limit", "必须是 1 到 " + MAX_LIMIT + " 之间的整数 (must be an integer from 1 to " + MAX_LIMIT + ")");
            }
        }
        Optional<Cursor> after = cursor == null || cursor.isBlank()
                ? Optional.empty()
                : Optional.of(Cursor.decode(cursor.trim(), sort));
        return new PageRequest(size, sort, after);
    }

    /** How many rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }
}
