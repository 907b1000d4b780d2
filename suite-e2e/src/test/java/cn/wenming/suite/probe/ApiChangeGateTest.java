package cn.wenming.suite.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.wenming.suite.Suite;

/**
 * The breaking-change gate on the committed OpenAPI documents: against the previous commit (or,
 * with uncommitted changes to the documents or the README, against HEAD), every change openapi-diff
 * calls breaking is named by a line the same change adds to the README's API changelog. The sample
 * documents below show what the gate lets through and what it stops.
 */
class ApiChangeGateTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyBreakingChangeToTheCommittedDocumentsIsNamedInTheChangelog() throws Exception {
        String base = base();
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        for (String service : Suite.SERVICES) {
            String path = "docs/openapi/" + service + ".json";
            git("cat-file", "-e", base + ":" + path).ifPresent(ignored -> before.put(service, git("show", base + ":" + path).orElseThrow()));
            after.put(service, Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8));
        }
        assertEquals(Suite.SERVICES.size(), after.size());
        String readmeBefore = git("show", base + ":README.md").orElse("");
        String readmeAfter = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> missing = ApiChangeGate.unannounced(before, after, readmeBefore, readmeAfter);
        assertTrue(missing.isEmpty(), "breaking changes since " + base + " that the README's \"" + ApiChangeGate.CHANGELOG
                + "\" does not name in a line of this change (service and METHOD path): " + missing);
    }

    @Test
    void theReadmeHasTheChangelogSection() throws IOException {
        assertTrue(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8).lines().anyMatch(ApiChangeGate.CHANGELOG::equals));
    }

    @Test
    void aRemovedOperationBreaksClientsAndPassesOnlyWhenThisChangeNamesIt() {
        String after = document(false, "", "");
        List<String> missing = ApiChangeGate.unannounced(Map.of("bulletin-service", BEFORE), Map.of("bulletin-service", after), README, README);
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).contains("DELETE /api/v1/things/{id}") && missing.get(0).contains("removed"), missing.get(0));

        String announced = README + "- 2026-12-08 bulletin-service `DELETE /api/v1/things/{id}` 已删除 (removed): use POST /api/v1/things/{id}/archive\n";
        assertEquals(List.of(), ApiChangeGate.unannounced(Map.of("bulletin-service", BEFORE), Map.of("bulletin-service", after), README, announced));
        assertEquals(1, ApiChangeGate.unannounced(Map.of("bulletin-service", BEFORE), Map.of("bulletin-service", after), announced, announced).size(),
                "a line that was there before announces nothing new");
        String otherService = README + "- 2026-12-08 task-service `DELETE /api/v1/things/{id}` removed\n";
        assertEquals(1, ApiChangeGate.unannounced(Map.of("bulletin-service", BEFORE), Map.of("bulletin-service", after), README, otherService).size(),
                "the line names the service whose document changed");
    }

    @Test
    void aNewRequiredRequestFieldBreaksClients() {
        String after = document(true, "", ", \"required\": [\"name\", \"district\"]");
        List<String> missing = ApiChangeGate.unannounced(Map.of("honors-service", BEFORE), Map.of("honors-service", after), README, README);
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).contains("POST /api/v1/things") && missing.get(0).contains("request body"), missing.get(0));
    }

    @Test
    void aNewOperationAnOptionalFieldAndNewTextBreakNothing() {
        String after = document(true, ", \"/api/v1/things/{id}/archive\": {\"post\": {\"operationId\": \"archiveThing\","
                + " \"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"string\"}}],"
                + " \"responses\": {\"204\": {\"description\": \"已归档\"}}}}", "").replace("新建一件", "新建一件事物（说明改了）");
        assertTrue(ApiDiff.between(BEFORE, after).changed());
        assertEquals(List.of(), ApiDiff.between(BEFORE, after).breaking());
        assertEquals(List.of(), ApiChangeGate.unannounced(Map.of("task-service", BEFORE), Map.of("task-service", after), README, README));
    }

    @Test
    void aServiceWithoutAnEarlierDocumentBreaksNobody() {
        assertEquals(List.of(), ApiChangeGate.unannounced(Map.of(), Map.of("bulletin-service", BEFORE), README, README));
        assertFalse(ApiDiff.between(BEFORE, BEFORE).changed());
    }

    private static final String README = "# suite\n\n" + ApiChangeGate.CHANGELOG + "\n\n- 2026-12-01 the first entry\n";

    private static final String BEFORE = document(true, "", ", \"required\": [\"name\"]");

    /** A small document: things with a POST (its body's required fields given) and, when asked, a DELETE. */
    private static String document(boolean withDelete, String morePaths, String required) {
        String delete = withDelete ? ", \"delete\": {\"operationId\": \"deleteThing\", \"parameters\": [{\"name\": \"id\", \"in\": \"path\","
                + " \"required\": true, \"schema\": {\"type\": \"string\"}}], \"responses\": {\"204\": {\"description\": \"已删除\"}}}" : "";
        return """
                {"openapi": "3.1.0", "info": {"title": "示例", "version": "1"},
                 "paths": {
                  "/api/v1/things": {"post": {"operationId": "createThing", "summary": "新建一件",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingInput"}}}},
                    "responses": {"201": {"description": "已新建", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}},
                  "/api/v1/things/{id}": {"get": {"operationId": "getThing",
                    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "这件", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}%s}%s
                 },
                 "components": {"schemas": {
                  "ThingInput": {"type": "object", "properties": {"name": {"type": "string"}, "district": {"type": "string"}}%s},
                  "Thing": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}
                 }}}
                """.formatted(delete, morePaths, required);
    }

    /**
     * The revision the documents are compared with: {@code -Dopenapi.base}, else HEAD when the
     * documents or the README have uncommitted changes (the change is the working tree), else the
     * previous commit (the change is the last commit; CI's fresh clone is that case).
     */
    private static String base() {
        String given = System.getProperty("openapi.base", System.getenv().getOrDefault("OPENAPI_BASE", ""));
        if (!given.isBlank()) {
            return given;
        }
        String dirty = git("status", "--porcelain", "--", "docs/openapi", "README.md").orElseThrow(
                () -> new AssertionError("the gate needs the project's git history (git status failed in " + ROOT + ")"));
        if (!dirty.isBlank()) {
            return "HEAD";
        }
        return git("rev-parse", "--verify", "-q", "HEAD~1").isPresent() ? "HEAD~1" : "HEAD";
    }

    /** The output of a git command run in the project, or empty when it fails. */
    private static java.util.Optional<String> git(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", ROOT.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return java.util.Optional.empty();
            }
            return p.exitValue() == 0 ? java.util.Optional.of(out) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
