package cn.wenming.suite.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The breaking-change gate: a change that breaks clients generated from the previous OpenAPI
 * documents passes only when the same change adds a line to the README's API changelog naming the
 * service and the operation ({@code METHOD path}). Compatible changes (a new operation, a new
 * optional field, a new description) pass as they are. The comparing is openapi-diff's
 * ({@link ApiDiff}); this class only decides which breaking changes were announced.
 */
public final class ApiChangeGate {

    /** The heading of the README section whose added lines announce breaking changes. */
    public static final String CHANGELOG = "## API changelog";

    private ApiChangeGate() {
    }

    /**
     * The breaking changes between {@code before} and {@code after} (service → document text; a
     * service absent before is new and breaks nobody) that no line added to the changelog between
     * {@code readmeBefore} and {@code readmeAfter} names; empty when the change may go in.
     */
    public static List<String> unannounced(Map<String, String> before, Map<String, String> after, String readmeBefore, String readmeAfter) {
        List<String> added = addedLines(changelog(readmeBefore), changelog(readmeAfter));
        List<String> missing = new ArrayList<>();
        for (var e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (old == null) {
                continue;
            }
            for (ApiDiff.Breaking b : ApiDiff.between(old, e.getValue()).breaking()) {
                boolean named = added.stream().anyMatch(l -> l.contains(e.getKey()) && l.contains(b.operation()));
                if (!named) {
                    missing.add(e.getKey() + " " + b);
                }
            }
        }
        return missing;
    }

    /** The lines of the README's changelog section (empty when the README has none). */
    static List<String> changelog(String readme) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : readme.split("\\R")) {
            if (line.startsWith("## ")) {
                in = line.strip().equals(CHANGELOG);
                continue;
            }
            if (in) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The lines of {@code after} that {@code before} does not have (as many times as they were added). */
    static List<String> addedLines(List<String> before, List<String> after) {
        Map<String, Integer> had = new HashMap<>();
        before.forEach(l -> had.merge(l, 1, Integer::sum));
        List<String> added = new ArrayList<>();
        for (String l : after) {
            if (had.getOrDefault(l, 0) > 0) {
                had.merge(l, -1, Integer::sum);
            } else {
                added.add(l);
            }
        }
        return added;
    }
}
