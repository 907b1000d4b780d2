package cn.wenming.common.problem;

import java.util.List;

/**
 * A failure that the client caused or must know about, answered as a problem. Services throw it
 * (usually through the factory methods); {@link ProblemMappers} writes it.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " 不存在 (not found)");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** Several fields at once, each named with its message. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, String.join("; ",
                errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
    }

    /** Another service this one needs could not be reached in time: a 503 that names it. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail);
    }

    public static ProblemException preconditionFailed(long currentVersion) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "If-Match 与当前版本 \"" + currentVersion + "\" 不符 (stale If-Match)");
    }
}
