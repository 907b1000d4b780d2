package cn.wenming.common.web;

import jakarta.ws.rs.core.EntityTag;

/** Versions as entity tags: {@code ETag: "3"}. {@code If-Match} is read by {@link cn.wenming.common.version.ExpectedVersion}. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }
}
