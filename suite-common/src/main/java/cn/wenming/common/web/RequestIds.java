package cn.wenming.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.smallrye.common.vertx.ContextLocals;

/**
 * The request id of the request being served: taken from {@code X-Request-Id} when it is sane
 * (the gateway always sets one), otherwise created here. It is returned on every answer, written
 * in every log line ({@code %X{requestId}}), quoted in every problem, and passed on to other
 * services by {@link RequestIdPropagation}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The id to use for an incoming header value: itself when sane, else a fresh one. */
    public static String accept(String header) {
        return header != null && SANE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    /** Binds the id to the current request (Vert.x duplicated context) and to the log context. */
    public static void bind(String id) {
        try {
            ContextLocals.put(MDC_KEY, id);
        } catch (UnsupportedOperationException | IllegalStateException notOnARequest) {
            // outside a request (a scheduled job): the log context is enough
        }
        MDC.put(MDC_KEY, id);
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        try {
            var local = ContextLocals.<String>get(MDC_KEY);
            if (local.isPresent()) {
                return local.get();
            }
        } catch (UnsupportedOperationException | IllegalStateException notOnARequest) {
            // fall through to the log context
        }
        Object fromMdc = MDC.get(MDC_KEY);
        return fromMdc == null ? null : fromMdc.toString();
    }
}
