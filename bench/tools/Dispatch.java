import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * Scenario 5 of bench/run: one published issue sent to N webhook recipients.
 *
 * <pre>java bench/tools/Dispatch.java GATEWAY ORGANIZATIONS LISTS SERIES_ID EDITOR_TOKEN REVIEWER_TOKEN ADMIN_TOKEN</pre>
 *
 * Starts a webhook receiver on 127.0.0.1 (it checks each signature and counts each delivery id),
 * creates the organizations (each with a webhook to the receiver and its own secret) and the
 * distribution lists through distribution-service's API (one organization in ten is on two lists,
 * so the dispatch must de-duplicate), writes an issue naming the lists, has it submitted, approved
 * and published. Publishing leads to the dispatch through bulletin-service's outbox; should none
 * appear within 30 s, the dispatch is created directly ({@code POST /api/v1/dispatches}, via=direct).
 * Then polls it until every delivery is SENT. Prints one line of key=value results for the shell:
 * the time until all were SENT (from the publish request), how many distinct ids the receiver saw,
 * how many it saw more than once, and how many signatures failed.
 */
public final class Dispatch {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // the receiver's and the set-up's threads would keep the JVM, and so bench/run, waiting forever
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        String gateway = args[0];
        int organizations = Integer.parseInt(args[1]);
        int lists = Integer.parseInt(args[2]);
        String series = args[3];
        String editor = args[4];
        String reviewer = args[5];
        String admin = args[6];
        String run = Long.toString(System.currentTimeMillis() % 100000000L, 36);

        // ---- the receiver ---------------------------------------------------------------------
        Map<String, String> secretByRecipient = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger badSignatures = new AtomicInteger();
        AtomicLong lastNewAt = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        Pattern recipientField = Pattern.compile("\"recipient\"\\s*:\\s*\"([^\"]+)\"");
        receiver.createContext("/inbox", exchange -> {
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("X-Wenming-Delivery");
            String signature = exchange.getRequestHeaders().getFirst("X-Wenming-Signature");
            Matcher r = recipientField.matcher(body);
            String secret = r.find() ? secretByRecipient.get(r.group(1)) : null;
            if (secret == null || signature == null || !signature.equals(sign(secret, signature, body))) {
                badSignatures.incrementAndGet();
            }
            if (id != null && seen.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
                lastNewAt.set(System.nanoTime());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String inbox = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/inbox";

        // ---- organizations and lists, through the API ----------------------------------------------
        long setupStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> created = new ArrayList<>();
        String[] kinds = { "SUPERIOR", "PEER", "SUBORDINATE" };
        for (int i = 0; i < organizations; i++) {
            int n = i;
            String name = "基准测试收文单位" + run + "-" + String.format("%04d", n);
            String secret = "bench-secret-" + run + "-" + n + "-签名密钥";
            secretByRecipient.put(name, secret);
            String json = "{\"name\":\"" + name + "\",\"kind\":\"" + kinds[n % 3] + "\",\"channel\":\"WEBHOOK\",\"webhookUrl\":\""
                    + inbox + "/" + n + "\",\"webhookSecret\":\"" + secret + "\"}";
            created.add(pool.submit(() -> id(send("POST", gateway + "/api/v1/organizations", admin, json, null, 201))));
        }
        List<String> orgIds = new ArrayList<>();
        for (Future<String> f : created) {
            orgIds.add(f.get());
        }
        String[] types = { "REPORT", "SEND", "ISSUE" };
        List<String> listIds = new ArrayList<>();
        for (int l = 0; l < lists; l++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < orgIds.size(); i++) {
                // each organization on the list i % lists; one in ten also on the next list
                if (i % lists == l || (i % 10 == 0 && (i + 1) % lists == l)) {
                    members.add("\"" + orgIds.get(i) + "\"");
                }
            }
            String json = "{\"name\":\"基准测试名单" + run + "-" + l + "\",\"type\":\"" + types[l % 3] + "\",\"members\":[" + String.join(",", members) + "]}";
            listIds.add(id(send("POST", gateway + "/api/v1/distribution-lists", admin, json, null, 201)));
        }
        pool.shutdown();
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

        // ---- one issue naming the lists, written, approved and published -------------------------
        // publishing leads to the dispatch through bulletin-service's outbox (issue 8); where that is
        // not there, the dispatch is created directly after the publication
        StringBuilder byPart = new StringBuilder();
        for (int p = 0; p < 3; p++) {
            List<String> ofPart = new ArrayList<>();
            for (int l = p; l < listIds.size(); l += 3) {
                ofPart.add("\"" + listIds.get(l) + "\"");
            }
            byPart.append(p == 0 ? "" : ",").append("\"").append(types[p]).append("\":[").append(String.join(",", ofPart)).append("]");
        }
        String draft = "{\"seriesId\":\"" + series + "\",\"editor\":\"梅雪峰\",\"reviewer\":\"田文松\",\"printRun\":300,\"articles\":[{\"title\":"
                + "\"首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开\",\"source\":\"本刊\",\"paragraphs\":"
                + "[\"4月17日上午,北京市召开首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会。\"]}],"
                + "\"distributionLists\":{" + byPart + "}}";
        HttpResponse<String> issue = send("POST", gateway + "/api/v1/bulletins", editor, draft, null, 201);
        String bulletin = id(issue);
        String base = gateway + "/api/v1/bulletins/" + bulletin;
        issue = send("POST", base + "/submit", editor, null, etag(issue), 200);
        issue = send("POST", base + "/approve", reviewer, null, etag(issue), 200);

        // ---- publication to every delivery SENT, timed ------------------------------------------------
        long t0 = System.nanoTime();
        send("POST", base + "/publish", editor, "{}", etag(issue), 200);
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        String via = "outbox";
        HttpResponse<String> dispatch = null;
        long outboxDeadline = t0 + Duration.ofSeconds(Long.getLong("bench.outboxWait", 30)).toNanos();
        while (System.nanoTime() < outboxDeadline) {
            HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/dispatches?bulletinId=" + bulletin)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + editor).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (found.statusCode() == 200 && ID.matcher(found.body()).find()) {
                dispatch = found;
                break;
            }
            Thread.sleep(50);
        }
        if (dispatch == null) {
            via = "direct";
            // distribution-service reads the issue (its label, lists, title) from bulletin-service itself
            String dispatchJson = "{\"bulletinId\":\"" + bulletin + "\"}";
            dispatch = send("POST", gateway + "/api/v1/dispatches", editor, dispatchJson, null, 201);
        }
        double acceptSeconds = (System.nanoTime() - t0) / 1e9;
        String dispatchId = id(dispatch);
        dispatch = send("GET", gateway + "/api/v1/dispatches/" + dispatchId, editor, null, null, 200);
        int total = count(dispatch.body(), "total");
        long deadline = t0 + Duration.ofSeconds(Long.getLong("bench.timeout", 180)).toNanos();
        int sent = 0;
        int failed = 0;
        double allSentSeconds = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> d = send("GET", gateway + "/api/v1/dispatches/" + dispatchId, editor, null, null, 200);
            sent = count(d.body(), "sent") + count(d.body(), "acknowledged");
            failed = count(d.body(), "failed");
            if (sent + failed >= total) {
                allSentSeconds = failed == 0 ? (System.nanoTime() - t0) / 1e9 : -1;
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(1000);   // a late repeat would still be counted
        receiver.stop(0);
        int repeated = (int) seen.values().stream().filter(c -> c.get() > 1).count();
        double receiverLast = lastNewAt.get() == 0 ? -1 : (lastNewAt.get() - t0) / 1e9;
        System.out.printf("organizations=%d lists=%d setup_s=%.1f expected=%d via=%s total=%d sent=%d failed=%d publish_s=%.2f "
                        + "dispatched_s=%.2f all_sent_s=%.2f receiver_last_s=%.2f distinct=%d repeated=%d bad_signatures=%d dispatch=%s%n",
                orgIds.size(), listIds.size(), setupSeconds, organizations, via, total, sent, failed, publishSeconds, acceptSeconds,
                allSentSeconds, receiverLast, seen.size(), repeated, badSignatures.get(), dispatchId);
        System.exit(0);
    }

    static String sign(String secret, String header, String body) {
        try {
            String t = header.substring(2, header.indexOf(','));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return "t=" + t + ",v1=" + v1;
        } catch (Exception e) {
            return "";
        }
    }

    static HttpResponse<String> send(String method, String url, String token, String json, String ifMatch, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (json != null) {
            b.header("Content-Type", "application/json; charset=utf-8").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + " (expected " + expected + "): " + r.body());
        }
        return r;
    }

    static String id(HttpResponse<String> r) {
        Matcher m = ID.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + r.body());
        }
        return m.group(1);
    }

    static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag: " + r.uri()));
    }

    static int count(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
