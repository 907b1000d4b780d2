package cn.wenming.common.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

import cn.wenming.common.security.BodyRoles;
import cn.wenming.common.web.RequestIds;

/**
 * Every failure a service can meet, written once as an RFC 9457 problem. Nothing here echoes an
 * exception message that could name a class, a table or a line: only messages the suite wrote
 * itself reach the client. Unexpected failures are logged with the request id and answered as a
 * bare 500 that quotes that id.
 *
 * <p>Past 300 lines on purpose: every failure Quarkus raises on its own is mapped here, side by side,
 * so that a reader sees at once that each is answered as the same kind of problem.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Instance<SecurityIdentity> identity;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e.type(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
        return Problems.response(ProblemType.VALIDATION, detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return Problems.response(ProblemType.UNKNOWN_FIELD,
                "未知字段 \"" + field + "\" (unknown field; known fields are listed in the OpenAPI document)",
                uri, List.of(new Problem.FieldError(field, "未知字段 (unknown field)")));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return wrongType(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Object refusal = identity.isResolvable() ? identity.get().getAttribute(BodyRoles.REFUSAL) : null;
        return Problems.response(ProblemType.FORBIDDEN, refusal != null ? refusal.toString()
                : "您的角色或所代表的单位不允许此操作 (your role, or the body you act for, does not allow this operation)", uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping instanceof UnrecognizedPropertyException unknown ? unknownField(unknown, uri) : wrongType(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException processing) {
            return malformed(processing, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problems.of(type, status, detailFor(status, uri), uri == null ? null : uri.getPath(), List.of()));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (statementTimedOut(e)) {
            return statementTimeout(e, uri);
        }
        if (databaseUnreachable(e)) {
            // not a bug: the database is down or failing over. Say so, and when to try again
            LOG.warnf("database unreachable on %s (requestId %s): %s", uri == null ? "?" : uri.getPath(), RequestIds.current(),
                    e.getClass().getSimpleName());
            return Problems.builder(ProblemType.UNAVAILABLE,
                    "数据库暂不可用，请稍后重试 (the database is unavailable: try again later)", uri, List.of())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        // the class and message go to the log only, tied to the answer by the request id
        LOG.errorf(e, "unexpected failure on %s (requestId %s)", uri == null ? "?" : uri.getPath(), RequestIds.current());
        return Problems.response(ProblemType.INTERNAL,
                "内部错误，请联系运维并提供请求编号 (internal error: quote the requestId to operations)", uri, List.of());
    }

    /**
     * A statement PostgreSQL cancelled because it ran past its timeout (SUITE_DB_STATEMENT_TIMEOUT,
     * waits for locks included): not a bug but a database too busy for it now, or a row held too
     * long by another transaction. A 503 with Retry-After; the transaction was rolled back.
     */
    static Response statementTimeout(Throwable e, UriInfo uri) {
        LOG.warnf("statement cancelled on %s (requestId %s): it ran past the statement timeout (%s)", uri == null ? "?" : uri.getPath(),
                RequestIds.current(), e.getClass().getSimpleName());
        return Problems.builder(ProblemType.UNAVAILABLE,
                "数据库查询超时，已取消，请稍后重试 (the database statement took too long and was cancelled: try again later)", uri, List.of())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** What a 503 of the database tells the client to wait, in seconds. */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * Whether a failure is a statement the database cancelled for taking too long: SQL state 57014
     * (query_canceled: statement_timeout, also a cancel by an operator) or 55P03 (lock_not_available:
     * lock_timeout), and what Hibernate and JPA make of them (QueryTimeoutException, LockTimeoutException),
     * wherever they surface: a Hibernate query, a flush at commit, plain JDBC.
     */
    static boolean statementTimedOut(Throwable e) {
        return anyCause(e, c -> c instanceof jakarta.persistence.QueryTimeoutException
                || c instanceof jakarta.persistence.LockTimeoutException
                || c instanceof org.hibernate.QueryTimeoutException
                || c instanceof java.sql.SQLException sql && ("57014".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState())), 0);
    }

    /**
     * Whether a failure means the database cannot be reached (refused, cut off, shutting down, no
     * connection to be had from the pool) rather than a bug: SQL states of class 08 (connection
     * exception), 57P01-57P03 (shutdown, cannot connect now), and what the pool and Hibernate make of them.
     */
    public static boolean databaseUnreachable(Throwable e) {
        return anyCause(e, c -> {
            if (c instanceof org.hibernate.exception.JDBCConnectionException
                    || c instanceof java.sql.SQLTransientConnectionException
                    || c instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (c instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                return state != null && (state.startsWith("08") || state.startsWith("57P0"))
                        || sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout");
            }
            return false;
        }, 0);
    }

    /** {@code c}, its causes and its suppressed exceptions (a failed commit carries the driver's in the latter). */
    private static boolean anyCause(Throwable c, java.util.function.Predicate<Throwable> test, int depth) {
        if (c == null || depth > 12) {
            return false;
        }
        if (test.test(c)) {
            return true;
        }
        for (Throwable s : c.getSuppressed()) {
            if (anyCause(s, test, depth + 1)) {
                return true;
            }
        }
        return c.getCause() != c && anyCause(c.getCause(), test, depth + 1);
    }

    private static Response unauthenticated(UriInfo uri) {
        return Problems.builder(ProblemType.UNAUTHENTICATED,
                "需要有效的 Bearer 令牌 (a valid bearer token is required)", uri, List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response wrongType(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return Problems.response(ProblemType.MALFORMED_JSON,
                    "请求体不是所需的 JSON 结构 (the body does not have the expected JSON shape)", uri, List.of());
        }
        String message = "类型或格式错误 (wrong type or format)";
        return Problems.response(ProblemType.VALIDATION, field + ": " + message, uri,
                List.of(new Problem.FieldError(field, message)));
    }

    private static Response malformed(JsonProcessingException e, UriInfo uri) {
        var location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return Problems.response(ProblemType.MALFORMED_JSON, "请求体不是合法的 JSON (malformed JSON)" + where, uri, List.of());
    }

    private static String detailFor(int status, UriInfo uri) {
        return switch (status) {
            case 404 -> "没有这个资源 (no such resource): " + (uri == null ? "" : uri.getPath());
            case 405 -> "此路径不支持该方法 (method not allowed on this path)";
            case 406 -> "无法以所请求的格式回答 (cannot answer in the requested media type)";
            case 415 -> "不支持此 Content-Type；此操作接受的类型见 OpenAPI 文档 (unsupported media type: see the operation in the OpenAPI document)";
            default -> "请求无法处理 (the request cannot be processed)";
        };
    }

    /** {@code create.body.contact.email} → {@code contact.email}; list indexes as {@code [i]}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean pastParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> {
                    pastParameter = true;
                    names.add(node.getName());
                }
                default -> {
                    if (pastParameter && names.size() == 1 && names.get(0) != null && !names.get(0).isEmpty()) {
                        // a body parameter's own name says nothing to the client: drop it
                        names.clear();
                    }
                    String name = node.getName();
                    if (node.getIndex() != null && !names.isEmpty()) {
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                    }
                    if (name != null && !name.startsWith("<")) {
                        names.add(name);
                    }
                    pastParameter = false;
                }
            }
        }
        return String.join(".", names.stream().filter(n -> n != null && !n.isEmpty()).toList());
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new ArrayList<>();
        path.forEach(n -> kinds.add(n.getKind()));
        return kinds;
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
