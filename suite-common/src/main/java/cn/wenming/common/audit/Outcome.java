package cn.wenming.common.audit;

/** How an audited request ended. */
public enum Outcome {
    /** Done: the change committed with its record, or a read (or a request that changed nothing) was answered. */
    SUCCESS,
    /** An {@code Idempotency-Key} seen before: the first answer was given again and nothing was done. */
    REPLAYED,
    /** Refused with a 4xx: 401, 403, 404, 409, 412, 400, ...; nothing it asked for was changed. */
    REFUSED,
    /** Failed with a 5xx; nothing it asked for was changed. */
    FAILED;

    static Outcome ofStatus(int status) {
        return status >= 500 ? FAILED : status >= 400 ? REFUSED : SUCCESS;
    }
}
