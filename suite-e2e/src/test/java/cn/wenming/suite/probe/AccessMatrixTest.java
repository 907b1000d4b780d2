package cn.wenming.suite.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * The access matrix against the committed OpenAPI documents, offline: every operation has its
 * rule, and an operation without one (a new endpoint) or a rule that says otherwise than the
 * document fails. (ProbeTest checks the same against the served documents, and calls every cell.)
 */
class AccessMatrixTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static List<Api.Operation> committedOperations() throws Exception {
        List<Api.Operation> ops = new ArrayList<>();
        for (String service : Suite.SERVICES) {
            ops.addAll(Api.operations(service, Http.JSON.readTree(OpenApiCheck.committed(ROOT, service).toFile())));
        }
        return ops;
    }

    @Test
    void everyOperationOfTheCommittedDocumentsHasItsRule() throws Exception {
        Report report = new Report();
        List<Api.Operation> ops = committedOperations();
        var rules = AccessProbe.loadMatrix();
        List<Api.Operation> ruled = new AccessProbe(null, new Http(report)).checkAgainstDocuments(ops, rules);
        assertTrue(report.passed(), report.summary());
        assertEquals(ops.size(), ruled.size());
        assertEquals(rules.size(), ops.size(), "one rule per operation");
        assertTrue(ops.size() > 90, "the four documents were read: " + ops.size());
    }

    @Test
    void aNewEndpointWithoutARuleFails() throws Exception {
        ObjectNode doc = (ObjectNode) Http.JSON.readTree(OpenApiCheck.committed(ROOT, "task-service").toFile());
        ObjectNode secured = Http.JSON.createObjectNode();
        secured.putArray("security").addObject().putArray("bearer").add("admin");
        ((ObjectNode) doc.get("paths")).putObject("/api/v1/tasks/{id}/archive").set("post", secured);
        Report report = new Report();
        new AccessProbe(null, new Http(report)).checkAgainstDocuments(Api.operations("task-service", doc), AccessProbe.loadMatrix());
        assertTrue(report.failures().stream().anyMatch(f -> f.contains("no rule for task-service POST /api/v1/tasks/{id}/archive")),
                report.summary());
        assertTrue(report.get(Count.MATRIX_FAILED) > 0);
    }

    @Test
    void aRuleThatDisagreesWithTheDocumentFails() throws Exception {
        var rules = new java.util.LinkedHashMap<>(AccessProbe.loadMatrix());
        String key = "honors-service GET /api/v1/honor-roll";
        rules.put(key, new AccessProbe.Rule(key, java.util.Set.of("reader"), false));
        Report report = new Report();
        new AccessProbe(null, new Http(report)).checkAgainstDocuments(committedOperations(), Map.copyOf(rules));
        assertTrue(report.failures().stream().anyMatch(f -> f.contains(key) && f.contains("needs none")), report.summary());
    }
}
