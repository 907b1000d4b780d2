package cn.wenming.suite.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import cn.wenming.suite.Suite;

/**
 * The arrows point one way in every service ({@code rest → service → domain}, the developers'
 * guide and STYLE.md): read from the four services' compiled classes
 * ({@code <service>/target/classes}, built before suite-e2e in the same reactor), it fails the build
 * when a class outside a service's {@code rest} package depends on that package, and when its
 * {@code domain} depends on {@code service}, {@code render} or {@code rest}.
 */
class LayersTest {

    private static final Map<String, String> ROOT_PACKAGE = Map.of("bulletin-service", "cn.wenming.bulletin", "task-service", "cn.wenming.task",
            "honors-service", "cn.wenming.honors", "distribution-service", "cn.wenming.distribution");
    private static final Map<String, JavaClasses> CLASSES = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "bulletin-service", "task-service", "honors-service", "distribution-service" })
    void nothingOutsideRestDependsOnRest(String service) {
        assertKeepsTo(service, Layers.Rule.NOTHING_OUTSIDE_REST_USES_REST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "bulletin-service", "task-service", "honors-service", "distribution-service" })
    void domainDependsOnNeitherServiceNorRenderNorRest(String service) {
        assertKeepsTo(service, Layers.Rule.DOMAIN_USES_NEITHER_SERVICE_NOR_RENDER_NOR_REST);
    }

    @Test
    void theTestReadsEveryService() {
        assertEquals(new TreeSet<>(Suite.SERVICES), new TreeSet<>(ROOT_PACKAGE.keySet()), "a root package for each of Suite.SERVICES");
    }

    /** The rules catch what they are for: a sample service (test sources) that breaks each of them. */
    @Test
    void theRulesCatchAServiceTakingARestRecordAndADomainUsingAServiceOrALayout() {
        JavaClasses sample = new ClassFileImporter().importPackages("cn.wenming.suite.architecture.sample");
        Layers layers = new Layers("cn.wenming.suite.architecture.sample");
        Map<String, List<String>> rest = layers.violations(sample, Layers.Rule.NOTHING_OUTSIDE_REST_USES_REST);
        assertEquals(Set.of("cn.wenming.suite.architecture.sample.service.SampleService"), rest.keySet(), rest.toString());
        assertTrue(rest.values().iterator().next().stream().anyMatch(d -> d.contains("SampleInput")), rest.toString());
        Map<String, List<String>> domain = layers.violations(sample, Layers.Rule.DOMAIN_USES_NEITHER_SERVICE_NOR_RENDER_NOR_REST);
        assertEquals(Set.of("cn.wenming.suite.architecture.sample.domain.SampleEntity"), domain.keySet(), domain.toString());
        List<String> found = domain.values().iterator().next();
        assertTrue(found.stream().anyMatch(d -> d.contains("SampleService")) && found.stream().anyMatch(d -> d.contains("SampleLayout")),
                domain.toString());
        assertTrue(found.stream().anyMatch(d -> d.contains("SampleEntity$Part")), "a nested class counts as its outer class: " + found);
    }

    private static void assertKeepsTo(String service, Layers.Rule rule) {
        Layers layers = new Layers(ROOT_PACKAGE.get(service));
        Map<String, List<String>> violations = layers.violations(classes(service), rule);
        // no exceptions: the 19 service classes that took rest records when this test was written
        // were turned around in the same issue (19)
        assertTrue(violations.isEmpty(), service + " breaks " + rule + " (rest → service → domain, never back):"
                + Layers.describe(violations, new TreeSet<>(violations.keySet())));
    }

    private static JavaClasses classes(String service) {
        return CLASSES.computeIfAbsent(service, s -> {
            Path dir = projectRoot().resolve(s).resolve("target/classes");
            assertTrue(Files.isDirectory(dir.resolve(ROOT_PACKAGE.get(s).replace('.', '/'))),
                    dir + " holds no compiled classes of " + s + ": build the services first (./mvnw verify builds them before suite-e2e)");
            return new ClassFileImporter().importPath(dir);
        });
    }

    /** suite-e2e runs in its own folder; the services are its siblings. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("suite-e2e")))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "no project root above " + Path.of("").toAbsolutePath());
        return dir;
    }
}
