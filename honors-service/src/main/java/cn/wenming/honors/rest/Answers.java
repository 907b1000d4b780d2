package cn.wenming.honors.rest;

import jakarta.ws.rs.core.Response;

import cn.wenming.common.web.ETags;
import cn.wenming.common.idempotency.Idempotency;

/** Answers of writes: the entity with its version as ETag, or the answer an idempotent service method returns (and stores for its key). */
final class Answers {

    private Answers() {
    }

    static Response ok(Object view, long version) {
        return Response.ok(view).tag(ETags.of(version)).build();
    }

    static Idempotency.Answer created(Idempotency idempotency, String location, Object view, long version) {
        return idempotency.created(location, view, version);
    }

    static Idempotency.Answer current(Idempotency idempotency, Object view, Long version) {
        return idempotency.current(view, version);
    }

    static Response of(Idempotency.Answer a) {
        return a.toResponse();
    }
}
