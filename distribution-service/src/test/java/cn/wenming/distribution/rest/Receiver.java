package cn.wenming.distribution.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import cn.wenming.distribution.service.WebhookSender;

/**
 * A real webhook receiver on 127.0.0.1: verifies each signature as a receiver would, answers 500
 * to the first {@code failFirst} calls of each delivery, then 200, and counts what it accepted.
 * While {@link #hang} is set it holds every call until the test releases it (a hanging receiver).
 */
final class Receiver implements AutoCloseable {

    final HttpServer server;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    final AtomicInteger badSignatures = new AtomicInteger();
    final Map<String, String> bodies = new ConcurrentHashMap<>();
    final AtomicInteger waiting = new AtomicInteger();
    /** Set: calls wait for it to open (at most a minute), as a receiver that hangs. */
    volatile CountDownLatch hang;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);

    Receiver(String secret, int failFirst) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(threads);
        server.createContext("/inbox", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                CountDownLatch held = hang;
                if (held != null) {
                    waiting.incrementAndGet();
                    try {
                        held.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        waiting.decrementAndGet();
                    }
                }
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String header = exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE);
                String id = exchange.getRequestHeaders().getFirst(WebhookSender.DELIVERY);
                int status;
                if (!verifies(secret, header, body)) {
                    badSignatures.incrementAndGet();
                    status = 401;
                } else if (calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() <= failFirst) {
                    status = 500;
                } else {
                    accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    bodies.put(id, body);
                    status = 200;
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** What a receiver does: recompute HMAC-SHA256(secret, t + "." + body) and compare with v1. */
    static boolean verifies(String secret, String header, String body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        return java.security.MessageDigest.isEqual(WebhookSender.signature(secret, t, body).getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/inbox";
    }

    int accepted(String deliveryId) {
        AtomicInteger n = accepted.get(deliveryId);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
