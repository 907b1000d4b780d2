package cn.wenming.bulletin.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The other three services as bulletin-service sees them, on one real local HTTP server: tasks and
 * honors that exist or not, distribution lists with members, and a dispatch endpoint that keeps
 * every request it gets, answers 503 while told to, and treats a repeated Idempotency-Key as a
 * replay (as distribution-service does); a read of lists or a lookup can be made to wait for something a test does. The end-to-end tests in suite-e2e use the real services.
 */
public class PeerServices implements QuarkusTestResourceLifecycleManager {

    /** One request received at the dispatch endpoint. */
    record Received(String idempotencyKey, String authorization, String requestId, String body, int answered) {
    }

    static final Set<UUID> TASKS = ConcurrentHashMap.newKeySet();
    static final Set<UUID> HONORS = ConcurrentHashMap.newKeySet();
    static final Map<UUID, String> LISTS = new ConcurrentHashMap<>();
    static final List<Received> DISPATCHES = new CopyOnWriteArrayList<>();
    static final Set<String> DISPATCHED_KEYS = ConcurrentHashMap.newKeySet();
    /** Requests for distribution lists, counted: an issue's lists are read in one call. */
    static final AtomicInteger LIST_READS = new AtomicInteger();
    /** Answers 503 to this many more dispatch requests. */
    static final AtomicInteger DISPATCH_FAILURES = new AtomicInteger();
    /** While set, every lookup answers 503 (the service is in trouble). */
    static volatile boolean down;
    /**
     * Run once, when a list with this id is first asked for, before the answer: what happens elsewhere
     * while bulletin-service waits for distribution-service (a slow answer, without a sleep).
     */
    static final Map<UUID, Runnable> WHILE_LISTS_READ = new ConcurrentHashMap<>();
    /** The same for a task or an honor: run once, when it is first looked up, before the answer. */
    static final Map<UUID, Runnable> WHILE_LOOKED_UP = new ConcurrentHashMap<>();

    /**
     * What a test does while a peer "is slow" (requests of its own to bulletin-service) may take
     * seconds on a loaded machine: the peer call waits for it rather than timing out and being
     * retried. A profile of its own, so no other test class runs with these settings.
     */
    public static class Patient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.distribution.read-timeout", "60000",
                    "cn.wenming.bulletin.client.Peers/distributionLists/Timeout/value", "60",
                    "quarkus.rest-client.task.read-timeout", "60000",
                    "cn.wenming.bulletin.client.Peers/task/Timeout/value", "60",
                    "quarkus.rest-client.honors.read-timeout", "60000",
                    "cn.wenming.bulletin.client.Peers/honor/Timeout/value", "60");
        }
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/tasks/", x -> lookup(x, TASKS));
        server.createContext("/api/v1/honors/", x -> lookup(x, HONORS));
        server.createContext("/api/v1/distribution-lists", this::distributionLists);
        server.createContext("/api/v1/dispatches", this::dispatch);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.task.url", url, "quarkus.rest-client.honors.url", url,
                "quarkus.rest-client.distribution.url", url);
    }

    private void dispatch(HttpExchange x) throws IOException {
        String body;
        try (InputStream in = x.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = x.getRequestHeaders().getFirst("Idempotency-Key");
        int status;
        if (DISPATCH_FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 503;
        } else {
            DISPATCHED_KEYS.add(key); // a repeated key is a replay: the same answer, no second dispatch
            status = 201;
        }
        DISPATCHES.add(new Received(key, x.getRequestHeaders().getFirst("Authorization"), x.getRequestHeaders().getFirst("X-Request-Id"),
                body, status));
        answer(x, status, status == 201 ? "{\"id\":\"" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + "\"}" : null);
    }

    /** {@code GET /api/v1/distribution-lists?id=..&id=..}: the known lists among those ids, as one page; every request is counted. */
    private void distributionLists(HttpExchange x) throws IOException {
        LIST_READS.incrementAndGet();
        if (down) {
            answer(x, 503, null);
            return;
        }
        String query = x.getRequestURI().getRawQuery();
        List<UUID> ids = query == null ? List.of() : Arrays.stream(query.split("&"))
                .filter(p -> p.startsWith("id=")).map(p -> uuidOrNull(p.substring(3))).filter(Objects::nonNull).toList();
        ids.stream().map(WHILE_LISTS_READ::remove).filter(Objects::nonNull).forEach(Runnable::run);
        List<String> items = ids.stream().map(LISTS::get).filter(Objects::nonNull).toList();
        answer(x, 200, "{\"items\":[" + String.join(",", items) + "]}");
    }

    private static void lookup(HttpExchange x, Set<UUID> known) throws IOException {
        if (down) {
            answer(x, 503, null);
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(lastSegment(x));
        } catch (IllegalArgumentException e) {
            answer(x, 404, null);
            return;
        }
        Runnable meanwhile = WHILE_LOOKED_UP.remove(id);
        if (meanwhile != null) {
            meanwhile.run();
        }
        answer(x, known.contains(id) ? 200 : 404, known.contains(id) ? "{\"id\":\"" + id + "\"}" : null);
    }

    private static String lastSegment(HttpExchange x) {
        String path = x.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        try (x) {
            if (json == null) {
                x.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "application/json");
                x.sendResponseHeaders(status, bytes.length);
                x.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
