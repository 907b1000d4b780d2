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

    /**
     * The classes that broke a rule when this test was written (main at issue 19, before the
     * layers were turned around), so that the build stays green while they are fixed on other
     * branches. THIS LIST MUST SHRINK TO EMPTY: never add a class to it; remove each entry as its
     * class is fixed (the test fails, naming it, once it keeps to the rules), and the list goes
     * when it is empty. A new violation anywhere else fails at once.
     */
    static final Map<Layers.Rule, Set<String>> KNOWN_VIOLATORS = Map.of(
            Layers.Rule.NOTHING_OUTSIDE_REST_USES_REST, Set.of(
                    // bulletin-service: the services take the rest records (*Input) and answer rest views
                    "cn.wenming.bulletin.service.BulletinService",
                    "cn.wenming.bulletin.service.ImportService",
                    "cn.wenming.bulletin.service.SeedLoader",
                    "cn.wenming.bulletin.service.SeriesService",
                    // task-service
                    "cn.wenming.task.service.AreaService",
                    "cn.wenming.task.service.ProgressCsv",
                    "cn.wenming.task.service.ProgressService",
                    "cn.wenming.task.service.TaskService",
                    "cn.wenming.task.service.WorkPlanService",
                    // honors-service
                    "cn.wenming.honors.service.DecisionDocumentService",
                    "cn.wenming.honors.service.HonorProgramService",
                    "cn.wenming.honors.service.HonorRollService",
                    "cn.wenming.honors.service.HonorRules",
                    "cn.wenming.honors.service.HonorService",
                    "cn.wenming.honors.service.ObjectionService",
                    "cn.wenming.honors.service.SeedLoader",
                    // distribution-service
                    "cn.wenming.distribution.service.DistributionListService",
                    "cn.wenming.distribution.service.OrganizationService",
                    "cn.wenming.distribution.service.SeedLoader"),
            // no domain class breaks its rule today: keep it so
            Layers.Rule.DOMAIN_USES_NEITHER_SERVICE_NOR_RENDER_NOR_REST, Set.of());

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
        Set<String> known = KNOWN_VIOLATORS.get(rule);
        Set<String> unexpected = new TreeSet<>(violations.keySet());
        unexpected.removeIf(c -> known.contains(c));
        assertTrue(unexpected.isEmpty(), service + " breaks " + rule + " (rest → service → domain, never back):"
                + Layers.describe(violations, unexpected));
        Set<String> fixed = new TreeSet<>(known);
        fixed.removeIf(c -> !c.startsWith(layers.root() + ".") || violations.containsKey(c));
        assertTrue(fixed.isEmpty(), "these classes keep to " + rule + " now: remove them from LayersTest.KNOWN_VIOLATORS " + fixed);
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
