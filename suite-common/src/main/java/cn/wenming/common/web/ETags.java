package cn.wenming.common.web;

import jakarta.ws.rs.core.EntityTag;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;

/** Versions as entity tags: {@code ETag: "3"}; {@code If-Match} must name the current one. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an {@code If-Match} header against the current version: absent or {@code *} passes;
     * anything else must be the current version (strong or weak), or it is a 412. Services take an
     * {@link cn.wenming.common.version.ExpectedVersion} instead; this is for code at the HTTP edge.
     */
    public static void check(String ifMatch, long currentVersion) {
        cn.wenming.common.version.ExpectedVersion.ofIfMatch(ifMatch).check(currentVersion);
    }

    /** For a client that sent a malformed header: a 400 is clearer than a 412. */
    public static ProblemException malformed() {
        return new ProblemException(ProblemType.BAD_REQUEST, "If-Match 格式错误 (malformed If-Match)");
    }
}
