package cn.wenming.suite.probe;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * Limits: a body over the limit is a 413 problem at the gateway and at the service (with or
 * without a Content-Length), too many requests a 429 problem with Retry-After at the gateway, and
 * {@code limit} above 100 a 400 on every list.
 */
final class LimitsProbe {

    private final Suite suite;
    private final Http http;
    private final Report report;

    LimitsProbe(Suite suite, Http http) {
        this.suite = suite;
        this.http = http;
        this.report = http.report();
    }

    void run(List<Api.Operation> ops) {
        String editor = "Bearer " + suite.token("probe-limits-" + UUID.randomUUID(), "editor", "admin");
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        for (String base : List.of(suite.gatewayUrl(), suite.serviceUrl("bulletin-service"))) {
            Http.Answer a = http.send("POST", base + "/api/v1/bulletin-series", "application/json", big, "Authorization", editor);
            http.check("limits: 3 MB body at " + base, a);
            check(a.status() == 413 && a.json().path("type").asText().equals("urn:wenming:problem:payload-too-large"),
                    "a 3 MB body is a 413 problem at " + base + ": got " + a.status());
        }
        chunked(editor, suite.gatewayUrl());
        listLimit(ops);
        rateLimit();
    }

    /**
     * A body without Content-Length (chunked) over the limit, at the gateway: still a 413 problem.
     * (At a service directly, Quarkus itself cuts such a body off at quarkus.http.limits.max-body-size
     * with a bare 413 before any handler of ours sees it; in the cluster only the gateway is reachable.)
     */
    private void chunked(String editor, String base) {
        byte[] huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        report.inc(Count.REQUESTS);
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/work-plans"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("Authorization", editor)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();
        try {
            HttpResponse<byte[]> answer = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
            Http.Answer a = new Http.Answer(answer.statusCode(), answer.headers().map(), answer.body(), null);
            http.check("limits: 20 MB chunked body", a);
            check(a.status() == 413, "a 20 MB body without Content-Length is a 413 at the gateway: got " + a.status());
        } catch (java.io.IOException e) {
            // the service may close the connection after its 413 while the client still sends: that is a refusal too
            check(true, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listLimit(List<Api.Operation> ops) {
        String all = "Bearer " + suite.token("probe-limit", "reader", "editor", "reviewer", "admin");
        for (Api.Operation op : ops) {
            if (!op.method().equals("get") || op.params("query").stream().noneMatch(p -> p.name().equals("limit"))) {
                continue;
            }
            String url = suite.serviceUrl(op.service()) + op.path(UUID.randomUUID().toString());
            // a list under an unknown parent id may answer 404 first: the id is looked up before the page
            boolean underId = !op.params("path").isEmpty();
            for (String limit : List.of("101", "1000")) {
                Http.Answer a = http.get(url + "?limit=" + limit, "Authorization", all);
                http.check("limits: " + op.key() + "?limit=" + limit, a);
                check(a.status() == 400 && limitNamed(a) || underId && a.status() == 404,
                        op.key() + "?limit=" + limit + " is a 400 naming limit: got " + a.status() + " " + Http.abbreviate(a.text()));
            }
            Http.Answer ok = http.get(url + "?limit=100", "Authorization", all);
            http.check("limits: " + op.key() + "?limit=100", ok);
            check(!limitNamed(ok), op.key() + "?limit=100 is allowed: got " + ok.status() + " " + Http.abbreviate(ok.text()));
        }
    }

    private static boolean limitNamed(Http.Answer a) {
        for (var e : a.json().path("errors")) {
            if (e.path("field").asText().equals("limit")) {
                return true;
            }
        }
        return a.status() == 400 && a.json().path("detail").asText().contains("limit");
    }

    /** Bursts at the gateway until it limits, then checks the 429 and that it serves again. */
    private void rateLimit() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plusSeconds(60);
        Http.Answer limited = null;
        while (limited == null && Instant.now().isBefore(deadline)) {
            List<CompletableFuture<HttpResponse<byte[]>>> burst = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                report.inc(Count.REQUESTS);
                burst.add(client.sendAsync(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/honor-programs")).build(),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (var f : burst) {
                HttpResponse<byte[]> r = f.join();
                if (r.statusCode() == 429 && limited == null) {
                    limited = new Http.Answer(r.statusCode(), r.headers().map(), r.body(), null);
                }
            }
        }
        check(limited != null, "bursts of 600 requests at once are rate limited (429) at the gateway");
        if (limited != null) {
            http.check("limits: 429", limited);
            check(limited.header("Retry-After") != null && limited.header("Retry-After").matches("\\d+"),
                    "the 429 carries Retry-After: " + limited.header("Retry-After"));
            check(limited.json().path("type").asText().equals("urn:wenming:problem:too-many-requests"), "the 429 is a too-many-requests problem");
        }
        int status = 0;
        Instant recovery = Instant.now().plusSeconds(30);
        while (status != 401 && Instant.now().isBefore(recovery)) {
            status = http.get(suite.gatewayUrl() + "/api/v1/honor-programs").status();
        }
        check(status == 401, "after the burst the gateway serves again");
    }

    private void check(boolean held, String failure) {
        report.inc(Count.LIMIT_CHECKS);
        if (!held) {
            report.fail(null, "limits: " + failure);
        }
    }
}
