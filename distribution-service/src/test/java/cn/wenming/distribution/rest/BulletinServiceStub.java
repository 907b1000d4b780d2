package cn.wenming.distribution.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * bulletin-service as distribution-service meets it, over real HTTP on a port of its own: a dispatch
 * reads the published issue from it. Tests put issues into it with {@code PUT /stub/bulletins/{id}}
 * (the issue's JSON as bulletin-service answers it) before dispatching them; {@code GET
 * /api/v1/bulletins/{id}} answers that JSON, 404 for an unknown id, and 403 unless the caller presents
 * distribution-service's own token (its {@code sub}), as the real service would refuse anyone else
 * a draft. The stub reads the token's claims without checking the signature: the real service checks it.
 */
public class BulletinServiceStub implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private final Map<String, byte[]> issues = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/stub/bulletins/", ex -> {
            issues.put(ex.getRequestURI().getPath().substring("/stub/bulletins/".length()), ex.getRequestBody().readAllBytes());
            answer(ex, 204, new byte[0]);
        });
        server.createContext("/api/v1/bulletins/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !subject(auth).contains("\"sub\":\"distribution-service\"")) {
                answer(ex, 403, "{\"status\":403}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] issue = issues.get(ex.getRequestURI().getPath().substring("/api/v1/bulletins/".length()));
            answer(ex, issue == null ? 404 : 200, issue == null ? "{\"status\":404}".getBytes(StandardCharsets.UTF_8) : issue);
        });
        server.start();
        return Map.of("quarkus.rest-client.bulletin.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String subject(String bearer) {
        String[] parts = bearer.replaceFirst("^Bearer ", "").split("\\.");
        return parts.length < 2 ? "" : new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(" ", "");
    }

    private static void answer(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
