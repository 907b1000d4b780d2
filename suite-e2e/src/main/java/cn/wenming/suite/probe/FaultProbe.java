package cn.wenming.suite.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * Faults under load: the database stopped for a while (readiness DOWN within seconds, liveness UP,
 * no restart, the services resume by themselves, no write answered 2xx is lost), and a service
 * stopped with SIGTERM behind the gateway (the requests in flight complete).
 */
final class FaultProbe {

    /** How soon readiness must say DOWN once the database is gone. */
    static final Duration READINESS_DOWN_WITHIN = Duration.ofSeconds(10);

    private final Suite suite;
    private final Http http;
    private final Report report;

    FaultProbe(Suite suite, Http http) {
        this.suite = suite;
        this.http = http;
        this.report = http.report();
    }

    /** A write accepted with 2xx: where to read it back. */
    record Write(String service, String url) {
    }

    void databaseOutage(Duration outage) {
        report.inc(Count.FAULTS_INJECTED);
        int failuresBefore = report.failures().size();
        String admin = "Bearer " + suite.token("probe-fault-" + UUID.randomUUID(), "editor", "admin");
        Map<String, Long> pids = new HashMap<>();
        Suite.SERVICES.forEach(s -> pids.put(s, suite.process(s).pid()));
        List<Write> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger during = new AtomicInteger();
        AtomicBoolean outageOn = new AtomicBoolean(false);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                while (writing.get()) {
                    write(writer % 2 == 0 ? "bulletin-service" : "distribution-service", admin, accepted,
                            outageOn.get() ? during : new AtomicInteger());
                }
            }));
        }
        try {
            awaitWrites(accepted, 8, Duration.ofSeconds(20), "before the outage");
            suite.stopDatabase();
            outageOn.set(true);
            Instant stopped = Instant.now();
            Map<String, Duration> downAfter = new ConcurrentHashMap<>();
            while (Duration.between(stopped, Instant.now()).compareTo(outage) < 0) {
                for (String service : Suite.SERVICES) {
                    Http.Answer ready = http.get(suite.serviceUrl(service) + "/q/health/ready");
                    if (ready.status() == 503 && !downAfter.containsKey(service)) {
                        downAfter.put(service, Duration.between(stopped, Instant.now()));
                    }
                    Http.Answer live = http.get(suite.serviceUrl(service) + "/q/health/live");
                    if (live.status() != 200) {
                        report.fail(null, "database outage: " + service + " liveness answered " + live.status()
                                + " (it would be restarted for a fault that is not its own)");
                    }
                }
                pause(Duration.ofMillis(250));
            }
            outageOn.set(false);
            int acceptedDuring = during.get();
            suite.startDatabase();
            Instant restarted = Instant.now();
            for (String service : Suite.SERVICES) {
                Duration d = downAfter.get(service);
                if (d == null || d.compareTo(READINESS_DOWN_WITHIN) > 0) {
                    report.fail(null, "database outage: " + service + " readiness went DOWN " + (d == null ? "never" : "after " + d.toMillis() + " ms")
                            + " (within " + READINESS_DOWN_WITHIN.toSeconds() + " s expected)");
                }
            }
            for (String service : Suite.SERVICES) {
                Instant deadline = Instant.now().plusSeconds(60);
                int status = 0;
                while (status != 200 && Instant.now().isBefore(deadline)) {
                    status = http.get(suite.serviceUrl(service) + "/q/health/ready").status();
                    if (status != 200) {
                        pause(Duration.ofMillis(250));
                    }
                }
                if (status != 200) {
                    report.fail(null, "database outage: " + service + " is not ready again 60 s after the database came back");
                }
                if (!suite.process(service).isAlive() || suite.process(service).pid() != pids.get(service)) {
                    report.fail(null, "database outage: " + service + " stopped or restarted");
                }
            }
            int before = accepted.size();
            awaitWrites(accepted, before + 8, Duration.ofSeconds(30), "after the database came back");
            System.out.printf("probe: database outage: readiness DOWN after %s; %d writes answered 201 while the database was down (committed before it went); "
                    + "ready again %d ms after the restart%n", downAfter, acceptedDuring, Duration.between(restarted, Instant.now()).toMillis());
        } finally {
            writing.set(false);
            for (Future<?> f : running) {
                try {
                    f.get(90, TimeUnit.SECONDS);
                } catch (Exception e) {
                    report.fail(null, "database outage: a writer did not finish: " + e);
                }
            }
            writers.shutdownNow();
        }
        verify(accepted);
        if (report.failures().size() == failuresBefore) {
            report.inc(Count.FAULTS_SURVIVED);
        }
    }

    private void write(String service, String token, List<Write> accepted, AtomicInteger during) {
        String name = "探针写入-" + UUID.randomUUID();
        ObjectNode body = Http.JSON.createObjectNode();
        String url;
        if (service.equals("bulletin-service")) {
            url = suite.serviceUrl(service) + "/api/v1/bulletin-series";
            body.put("title", name).put("issuingOrg", "首都精神文明办").put("kind", "SUPPLEMENT");
        } else {
            url = suite.serviceUrl(service) + "/api/v1/organizations";
            body.put("name", name).put("kind", "PEER");
        }
        Http.Answer a = http.json("POST", url, body.toString(), "Authorization", token);
        http.check("database outage: POST " + url, a, true);
        if (a.status() == 201) {
            accepted.add(new Write(service, url + "/" + a.json().path("id").asText()));
            during.incrementAndGet();
        } else if (a.status() > 0 && a.status() < 500) {
            report.fail(null, "database outage: a write answered " + a.status() + " " + Http.abbreviate(a.text()));
        } else {
            pause(Duration.ofMillis(100));
        }
    }

    private void awaitWrites(List<Write> accepted, int count, Duration patience, String when) {
        Instant deadline = Instant.now().plus(patience);
        while (accepted.size() < count && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(100));
        }
        if (accepted.size() < count) {
            report.fail(null, "database outage: writes are not accepted " + when + " (" + accepted.size() + " of " + count + ")");
        }
    }

    private void verify(List<Write> accepted) {
        String reader = "Bearer " + suite.token("probe-verify", "reader", "admin");
        for (Write w : List.copyOf(accepted)) {
            Http.Answer a = http.get(w.url(), "Authorization", reader);
            if (a.status() == 200) {
                report.inc(Count.WRITES_VERIFIED);
            } else {
                report.fail(Count.WRITES_LOST, "a write answered 201 is gone after the outage: " + w.url() + " → " + a.status());
            }
        }
    }

    /**
     * SIGTERM to bulletin-service while the gateway carries a steady load to it: every request
     * sent before the signal is answered 200; those after it are 200 or a clean 502/503 problem.
     */
    void sigtermUnderLoad() {
        report.inc(Count.FAULTS_INJECTED);
        int failuresBefore = report.failures().size();
        String service = "bulletin-service";
        // the load: the printed layout of a draft of the seed's series (a render: real work per request)
        String reader = "Bearer " + suite.token("probe-sigterm-" + UUID.randomUUID(), "editor");
        Http.Answer series = http.get(suite.gatewayUrl() + "/api/v1/bulletin-series?limit=1", "Authorization", reader);
        ObjectNode draft = Http.JSON.createObjectNode().put("seriesId", series.json().path("items").path(0).path("id").asText());
        var article = draft.putArray("articles").addObject().put("title", "优雅停机探针").put("source", "本刊");
        var paragraphs = article.putArray("paragraphs");
        for (int i = 0; i < 20; i++) {
            paragraphs.add("第" + (i + 1) + "段：首都精神文明建设工作暨背街小巷环境精细化整治提升。".repeat(10));
        }
        Http.Answer created = http.json("POST", suite.gatewayUrl() + "/api/v1/bulletins", draft.toString(), "Authorization", reader);
        http.check("SIGTERM: the draft to render", created);
        String id = created.json().path("id").asText();
        if (created.status() != 201) {
            report.fail(null, "SIGTERM: the draft to load the service with was not created: " + created.status());
            return;
        }
        String url = suite.gatewayUrl() + "/api/v1/bulletins/" + id + "/render";
        record Sent(Instant at, Future<Http.Answer> answer) {
        }
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(16);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        // 50 requests a second: half the gateway's rate limit, a steady flow at any moment of the signal
        pace.scheduleAtFixedRate(() -> sent.add(new Sent(Instant.now(), senders.submit(() -> http.get(url, "Authorization", reader)))),
                0, 20, TimeUnit.MILLISECONDS);
        Instant signal;
        int exit;
        try {
            pause(Duration.ofSeconds(2));
            signal = Instant.now();
            exit = suite.stopService(service, false);
            pause(Duration.ofSeconds(1));
        } finally {
            pace.shutdownNow();
        }
        Duration stopping = Duration.between(signal, Instant.now());
        int before = 0;
        int after = 0;
        int refused = 0;
        for (Sent s : List.copyOf(sent)) {
            Http.Answer a;
            try {
                a = s.answer().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                report.fail(Count.SERVER_ERRORS, "SIGTERM: a request got no answer: " + e);
                continue;
            }
            if (s.at().isBefore(signal)) {
                before++;
                http.check("SIGTERM: a request sent before the signal", a);
                if (a.status() != 200) {
                    report.fail(null, "SIGTERM: a request in flight at the signal answered " + a.status() + " " + Http.abbreviate(a.text()));
                }
            } else {
                after++;
                http.check("SIGTERM: a request sent after the signal", a, true);
                if (a.status() != 200) {
                    refused++;
                }
            }
        }
        senders.shutdownNow();
        System.out.printf("probe: SIGTERM: %d requests before the signal, %d after (%d refused cleanly); stopped in %d ms, exit %d%n",
                before, after, refused, stopping.toMillis(), exit);
        if (exit == 137) {
            report.fail(null, "SIGTERM: " + service + " did not stop within 30 s and was killed");
        }
        suite.restartService(service);
        Http.Answer again = http.get(url, "Authorization", reader);
        http.check("SIGTERM: after the restart", again);
        if (again.status() != 200) {
            report.fail(null, "SIGTERM: " + service + " does not serve after its restart: " + again.status());
        }
        if (report.failures().size() == failuresBefore) {
            report.inc(Count.FAULTS_SURVIVED);
        }
    }

    /** Waits without busy-looping (the load and the polls above are what is being waited on). */
    private static void pause(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
