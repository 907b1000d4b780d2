package cn.wenming.suite.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a probe run counted and every failure by name. Thread-safe: the probes send in parallel.
 * {@link #summary()} is what {@code ./suite probe} prints and what the CI test shows when it fails.
 */
public final class Report {

    /** The counters of the summary, in the order they are printed. */
    public enum Count {
        REQUESTS("requests sent"),
        HOSTILE("hostile requests (generated from the OpenAPI documents)"),
        HOSTILE_ACCEPTED("hostile requests accepted (2xx/3xx)"),
        SERVER_ERRORS("5xx answers"),
        LEAKS("leaks (stack trace, SQL, class name)"),
        NOT_PROBLEM("error answers that are not problem+json"),
        MATRIX_CELLS("access-matrix cells checked"),
        MATRIX_FAILED("access-matrix cells failed"),
        OBJECT_CELLS("object-level cells (another body's object: 404)"),
        VISIBILITY_CHECKS("reader visibility checks (drafts, objections)"),
        OUTPUT_CHECKS("output-safety checks (HTML, CSV)"),
        LIMIT_CHECKS("limit checks (413, 429, limit > 100)"),
        FAULTS_INJECTED("faults injected"),
        FAULTS_SURVIVED("faults survived"),
        WRITES_VERIFIED("writes answered 2xx and verified afterwards"),
        WRITES_LOST("writes answered 2xx and lost"),
        STORED_BY_HOSTILE("rows stored by hostile requests"),
        AUDIT_VERIFIED("audit records verified (the four trails, through the gateway)"),
        TAMPER_DETECTED("tampering detected (an audit row altered by hand, named by verify)"),
        OPENAPI_DOCUMENTS("OpenAPI documents checked (committed copy, Spectral)");

        final String label;

        Count(String label) {
            this.label = label;
        }
    }

    private final Map<Count, AtomicLong> counts = new LinkedHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    public Report() {
        for (Count c : Count.values()) {
            counts.put(c, new AtomicLong());
        }
    }

    public void add(Count count, long n) {
        counts.get(count).addAndGet(n);
    }

    public void inc(Count count) {
        add(count, 1);
    }

    public long get(Count count) {
        return counts.get(count).get();
    }

    /** A named failure; the counter (if any) says what kind. At most 200 are kept verbatim. */
    public void fail(Count count, String what) {
        if (count != null) {
            inc(count);
        }
        if (failures.size() < 200) {
            failures.add(what);
        } else if (failures.size() == 200) {
            failures.add("... more failures left out");
        }
    }

    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public String summary() {
        StringBuilder out = new StringBuilder("\n===== probe summary =====\n");
        counts.forEach((c, n) -> out.append(String.format("  %-58s %8d%n", c.label, n.get())));
        List<String> all = failures();
        out.append(all.isEmpty() ? "  result: PASSED, nothing failed\n" : "  result: FAILED, " + all.size() + " failure(s):\n");
        all.forEach(f -> out.append("   - ").append(f).append('\n'));
        return out.toString();
    }
}
