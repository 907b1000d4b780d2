package cn.wenming.common.version;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.wenming.common.problem.ProblemException;

/**
 * The version of an object a caller expects to change: what a service is told instead of the raw
 * {@code If-Match} header. The resource reads the header with {@link #ofIfMatch(String)}; the service
 * checks it against the object it loaded with {@link #check(long)} (a 412 naming the current version
 * when it does not match). Services never parse a header.
 *
 * <p>{@link #ANY} (no header, or {@code *}) passes: where a precondition is required, the HTTP layer
 * refuses its absence before the service is called.
 */
public final class ExpectedVersion {

    /** Whatever the current version is. */
    public static final ExpectedVersion ANY = new ExpectedVersion(Set.of());

    private final Set<String> versions;

    private ExpectedVersion(Set<String> versions) {
        this.versions = versions;
    }

    /** Exactly this version (for callers inside the suite that hold the object they change). */
    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(Set.of(Long.toString(version)));
    }

    /**
     * An {@code If-Match} header's entity tags, strong or weak ({@code "3"}, {@code W/"3"}, a list
     * of them); absent, blank or {@code *} is {@link #ANY}.
     */
    public static ExpectedVersion ofIfMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return ANY;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            tags.add(t);
        }
        return new ExpectedVersion(Set.copyOf(tags));
    }

    /** Whether any version passes. */
    public boolean isAny() {
        return versions.isEmpty();
    }

    /** Passes when the object's {@code current} version is the one expected; a 412 otherwise. */
    public void check(long current) {
        if (versions.isEmpty() || versions.contains(Long.toString(current))) {
            return;
        }
        throw ProblemException.preconditionFailed(current);
    }

    @Override
    public String toString() {
        return versions.isEmpty() ? "*" : String.join(",", versions);
    }
}
