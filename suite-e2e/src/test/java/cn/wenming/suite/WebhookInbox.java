package cn.wenming.suite;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A receiving government system: a real HTTP server on 127.0.0.1 that verifies each delivery's
 * signature as distribution-service's README tells receivers to, counts each delivery id, and keeps
 * the JSON it was sent. It can be told to hold calls (a hanging receiver) after some number.
 */
final class WebhookInbox implements AutoCloseable {

    static final String SECRET = "e2e-secret-首都精神文明办-2020";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final ObjectMapper json = new ObjectMapper();
    final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    final Map<String, JsonNode> bodies = new ConcurrentHashMap<>();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger holding = new AtomicInteger();
    private volatile int holdAfter = Integer.MAX_VALUE;
    private final CountDownLatch release = new CountDownLatch(1);

    WebhookInbox() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(threads);
        server.createContext("/inbox", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!verifies(exchange.getRequestHeaders().getFirst("X-Wenming-Signature"), body)) {
                    badSignatures.incrementAndGet();
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                if (accepted.size() >= holdAfter) {
                    holding.incrementAndGet();
                    try {
                        release.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                JsonNode node = json.readTree(body);
                String id = node.path("deliveryId").asText();
                accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                bodies.put(id, node);
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/inbox";
    }

    /** Once this many distinct deliveries arrived, further calls hang until {@link #release()}. */
    void holdAfter(int n) {
        holdAfter = n;
    }

    void release() {
        holdAfter = Integer.MAX_VALUE;
        release.countDown();
    }

    /** The delivery ids received for one bulletin, each with how often it came. */
    Map<String, Integer> deliveriesOf(String bulletinId) {
        Map<String, Integer> mine = new ConcurrentHashMap<>();
        bodies.forEach((id, body) -> {
            if (bulletinId.equals(body.path("bulletinId").asText())) {
                mine.put(id, accepted.get(id).get());
            }
        });
        return mine;
    }

    List<JsonNode> bodiesOf(String bulletinId) {
        return bodies.values().stream().filter(b -> bulletinId.equals(b.path("bulletinId").asText())).toList();
    }

    /** {@code t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, compared in constant time. */
    static boolean verifies(String header, String body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String t = header.substring(2, header.indexOf(','));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
