package cn.wenming.common.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.config.SuiteHttpConfig;
import cn.wenming.common.json.StrictJson;
import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What happens at the HTTP edge of every service, before and after the REST layer: the request id
 * is bound first, every request gets its line in the {@link AccessLog}, and whatever the REST layer never sees (a path no resource serves, a body over
 * the size limit) is still answered as a problem.
 */
@ApplicationScoped
public class HttpEdge {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);

    @Inject
    ObjectMapper json;

    @Inject
    SuiteHttpConfig http;

    @Inject
    AccessLog accessLog;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::bindRequestId);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> answer(ctx, ProblemType.NOT_FOUND,
                "没有这个资源 (no such resource): " + ctx.normalizedPath()));
    }

    private void bindRequestId(RoutingContext ctx) {
        String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        // the REST layer reads the request header: make it the accepted id
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.response().headers().set(RequestIds.HEADER, id);
        RequestIds.bind(id);
        accessLog.track(ctx, id);
        if (declaredLength(ctx) > http.maxBodySize().asLongValue()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(ctx, ProblemType.PAYLOAD_TOO_LARGE, "请求体超过 " + http.maxBodySize().asLongValue()
                    + " 字节的上限 (the body exceeds the size limit)");
            return;
        }
        String badParameter = uncleanQueryParameter(ctx);
        if (badParameter != null) {
            String message = "含有控制字符或无法解码 (contains a control character or cannot be decoded)";
            answer(ctx, ProblemType.VALIDATION, badParameter + ": " + message, List.of(new Problem.FieldError(badParameter, message)));
            return;
        }
        ctx.next();
    }

    /**
     * The name of a query parameter whose value no filter or search can mean: one with a control
     * character (a NUL reached PostgreSQL as a 500) or percent-encoding that does not decode.
     */
    private static String uncleanQueryParameter(RoutingContext ctx) {
        if (ctx.request().query() == null) {
            return null;
        }
        try {
            for (var e : ctx.queryParams()) {
                if (!StrictJson.clean(e.getKey()) || !StrictJson.clean(e.getValue())) {
                    return StrictJson.clean(e.getKey()) ? e.getKey() : "query";
                }
            }
        } catch (RuntimeException undecodable) {
            return "query";
        }
        return null;
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        if (status == 413) {
            answer(ctx, ProblemType.PAYLOAD_TOO_LARGE, "请求体超过大小限制 (the body exceeds the size limit)");
        } else if (status >= 400 && status < 500) {
            answer(ctx, ProblemType.forStatus(status), "请求无法处理 (the request cannot be processed)");
        } else {
            LOG.errorf(ctx.failure(), "unexpected failure at the HTTP edge on %s (requestId %s)",
                    ctx.normalizedPath(), RequestIds.current());
            answer(ctx, ProblemType.INTERNAL,
                    "内部错误，请联系运维并提供请求编号 (internal error: quote the requestId to operations)");
        }
    }

    private void answer(RoutingContext ctx, ProblemType type, String detail) {
        answer(ctx, type, detail, List.of());
    }

    private void answer(RoutingContext ctx, ProblemType type, String detail, List<Problem.FieldError> errors) {
        Problem problem = Problems.of(type, detail, ctx.normalizedPath(), errors);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + type.uri() + "\",\"status\":" + type.status() + "}";
        }
        ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
