package cn.wenming.common.web;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * One call from a service of the suite to another through its REST client, written once: the
 * answer comes back as it is, whatever its status (the caller decides what a 404 or a 409 means),
 * and only a peer that cannot be reached is an exception, {@link Unavailable}. The callers' fault
 * tolerance (timeouts, retries, circuit breakers) counts on that exception.
 */
public final class PeerCall {

    /** The peer could not give an answer that means anything. */
    public static final class Unavailable extends RuntimeException {
        private final String service;

        public Unavailable(String service, String why) {
            super(service + ": " + why, null, false, false);
            this.service = service;
        }

        public String service() {
            return service;
        }
    }

    private PeerCall() {
    }

    /** The peer's answer, also when it is not a 2xx; {@link Unavailable} when it cannot be reached. */
    public static Response call(String service, Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse(); // an answer, only not a 2xx: the caller reads its status
        } catch (ProcessingException e) {
            throw new Unavailable(service, "无法连接 (not reachable): " + rootMessage(e));
        }
    }

    /** A 2xx, or {@link Unavailable} naming the status. */
    public static void requireSuccess(String service, Response r) {
        if (r.getStatus() / 100 != 2) {
            throw new Unavailable(service, "HTTP " + r.getStatus());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
