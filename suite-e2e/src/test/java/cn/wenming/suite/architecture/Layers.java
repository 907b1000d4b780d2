package cn.wenming.suite.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The layer rules of a service, {@code rest → service → domain} and never back, read from its
 * compiled classes with ArchUnit's class model. Each rule lists the dependencies that break it,
 * grouped by the top-level class they start from (a nested record or a lambda counts as its
 * outer class: that is the file to change).
 */
record Layers(String root) {

    /** A rule: which classes it applies to, and which packages they must not reach. */
    enum Rule {
        /** Only {@code rest} itself uses {@code rest}: a service takes commands of its own, a domain knows no HTTP. */
        NOTHING_OUTSIDE_REST_USES_REST("rest"),
        /** The entities know neither the rules that use them nor how they are shown or served. */
        DOMAIN_USES_NEITHER_SERVICE_NOR_RENDER_NOR_REST("service", "render", "rest");

        private final List<String> forbidden;

        Rule(String... forbidden) {
            this.forbidden = List.of(forbidden);
        }

        private boolean appliesTo(Layers layers, JavaClass c) {
            return switch (this) {
                case NOTHING_OUTSIDE_REST_USES_REST -> !layers.in(c.getPackageName(), "rest");
                case DOMAIN_USES_NEITHER_SERVICE_NOR_RENDER_NOR_REST -> layers.in(c.getPackageName(), "domain");
            };
        }

        private boolean forbids(Layers layers, JavaClass target) {
            return forbidden.stream().anyMatch(layer -> layers.in(target.getPackageName(), layer));
        }
    }

    /** Whether {@code packageName} is the layer {@code layer} of this service or below it. */
    boolean in(String packageName, String layer) {
        String p = root + "." + layer;
        return packageName.equals(p) || packageName.startsWith(p + ".");
    }

    /** The classes breaking the rule, each with the dependencies that break it (ArchUnit's descriptions, with file and line). */
    Map<String, List<String>> violations(JavaClasses classes, Rule rule) {
        Map<String, List<String>> out = new TreeMap<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().startsWith(root + ".") || !rule.appliesTo(this, c)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (rule.forbids(this, d.getTargetClass())) {
                    out.computeIfAbsent(topLevel(c), k -> new ArrayList<>()).add(d.getDescription());
                }
            }
        }
        out.replaceAll((k, v) -> List.copyOf(new TreeSet<>(v)));
        return out;
    }

    static String topLevel(JavaClass c) {
        String name = c.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** A readable list: each class, then its dependencies, indented. */
    static String describe(Map<String, List<String>> violations, Set<String> only) {
        StringBuilder s = new StringBuilder();
        violations.forEach((c, ds) -> {
            if (only.contains(c)) {
                s.append("\n  ").append(c);
                ds.forEach(d -> s.append("\n      ").append(d));
            }
        });
        return s.toString();
    }
}
