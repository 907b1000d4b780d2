package cn.wenming.honors.rest;

import java.net.URI;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.wenming.common.web.ETags;
import cn.wenming.common.idempotency.Idempotency;

/** Answers of writes: the entity with its version as ETag, or an Idempotency-Key's stored answer. */
final class Answers {

    private Answers() {
    }

    static Response ok(Object view, long version) {
        return Response.ok(view).tag(ETags.of(version)).build();
    }

    static Idempotency.Answer created(Idempotency idempotency, String location, Object view, long version) {
        return new Idempotency.Answer(201, location, ETags.of(version).toString(), idempotency.toJson(view), false);
    }

    static Idempotency.Answer current(Idempotency idempotency, Object view, Long version) {
        return new Idempotency.Answer(200, null, version == null ? null : ETags.of(version).toString(), idempotency.toJson(view), false);
    }

    static Response of(Idempotency.Answer a) {
        Response.ResponseBuilder r = Response.status(a.status()).entity(a.body()).type(MediaType.APPLICATION_JSON);
        if (a.location() != null) {
            r.location(URI.create(a.location()));
        }
        if (a.etag() != null) {
            r.header("ETag", a.etag());
        }
        if (a.replayed()) {
            r.header("Idempotency-Replayed", "true");
        }
        return r.build();
    }
}
