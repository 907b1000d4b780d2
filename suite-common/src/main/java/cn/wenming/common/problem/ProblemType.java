package cn.wenming.common.problem;

import jakarta.ws.rs.core.Response.Status;

/**
 * The kinds of problem the suite answers with. Each has a stable {@code type} URI
 * ({@code urn:wenming:problem:<slug>}) that clients may switch on, its status and its title.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "请求内容无效 (invalid request)"),
    MALFORMED_JSON("malformed-json", 400, "JSON 格式错误 (malformed JSON)"),
    UNKNOWN_FIELD("unknown-field", 400, "未知字段 (unknown field)"),
    BAD_REQUEST("bad-request", 400, "请求错误 (bad request)"),
    UNAUTHENTICATED("unauthenticated", 401, "未认证 (missing or invalid token)"),
    FORBIDDEN("forbidden", 403, "无权操作 (not allowed)"),
    NOT_FOUND("not-found", 404, "资源不存在 (not found)"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "方法不允许 (method not allowed)"),
    NOT_ACCEPTABLE("not-acceptable", 406, "无法提供所需格式 (not acceptable)"),
    CONFLICT("conflict", 409, "与当前状态冲突 (conflict)"),
    PRECONDITION_FAILED("precondition-failed", 412, "版本已过期 (stale If-Match)"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "请求体过大 (payload too large)"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "不支持的媒体类型 (unsupported media type)"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "请求过于频繁 (too many requests)"),
    INTERNAL("internal", 500, "内部错误 (internal error)"),
    UNAVAILABLE("unavailable", 503, "服务暂不可用 (service unavailable)");

    public static final String URI_PREFIX = "urn:wenming:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return URI_PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The generic type for a status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != VALIDATION && t != MALFORMED_JSON && t != UNKNOWN_FIELD) {
                return t;
            }
        }
        return Status.Family.familyOf(status) == Status.Family.CLIENT_ERROR ? BAD_REQUEST : INTERNAL;
    }
}
