package cn.wenming.suite.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.suite.probe.Report.Count;

/**
 * The probe's HTTP: every request is counted, and every answer is checked for what must never
 * happen (a 5xx where none is expected, a stack trace, SQL or a class name in the body, an error
 * answer that is not a problem). The probes add their own expectations on top.
 */
public final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a body must never show: a Java stack frame or exception, a fully qualified class name, a
     * PostgreSQL or JDBC error text. Written against what those look like, not against words a
     * Chinese or English detail may legitimately use.
     */
    static final Pattern LEAK = Pattern.compile(
            "(?:\\bat [a-zA-Z_$][\\w$]*(?:\\.[\\w$]+)+\\([\\w$.]*(?:java|kt)?:?\\d*\\)"
                    + "|Caused by: |\\b\\w+(?:Exception|Error)\\b(?=[:\\s]|$)"
                    + "|\\b(?:java|javax|jakarta|org|com|io|cn|sun|jdk)\\.[a-z_][\\w]*\\.[A-Za-z_$][\\w.$]*"
                    + "|SQLState|SQL state|PSQLException|syntax error at or near|violates (?:unique|foreign key|check|not-null) constraint"
                    + "|duplicate key value|relation \\\"|column \\\"[^\\\"]+\\\" (?:of|does)|invalid byte sequence for encoding"
                    + "|\\bselect\\s+[\\w*,\\s]+\\s+from\\s+\\w|\\binsert\\s+into\\s+\\w|\\bupdate\\s+\\w+\\s+set\\s)",
            Pattern.CASE_INSENSITIVE);

    /** One answer. {@code status} is -1 when the connection failed (reset, refused, timed out). */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body, String failure) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Report report;

    public Http(Report report) {
        this.report = report;
    }

    public Report report() {
        return report;
    }

    /** A request; {@code body} may be null. Headers come in name, value pairs. */
    public Answer send(String method, String url, String contentType, byte[] body, String... headers) {
        report.inc(Count.REQUESTS);
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            return new Answer(-1, Map.of(), new byte[0], "bad url " + url + ": " + e.getMessage());
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().map(), r.body() == null ? new byte[0] : r.body(), null);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, Map.of(), new byte[0], "interrupted");
        }
    }

    public Answer get(String url, String... headers) {
        return send("GET", url, null, null, headers);
    }

    public Answer json(String method, String url, String json, String... headers) {
        return send(method, url, "application/json; charset=UTF-8", json == null ? null : json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * The checks every answer gets: no 5xx, no leak, errors as problems whose status is the HTTP
     * status. {@code what} names the request in a failure. Returns true when all held.
     */
    public boolean check(String what, Answer a) {
        return check(what, a, false);
    }

    /**
     * As {@link #check(String, Answer)}; with {@code unavailableAllowed} a 502, 503 or 504
     * {@code unavailable} problem is a right answer (while a database or a service is down).
     */
    public boolean check(String what, Answer a, boolean unavailableAllowed) {
        boolean ok = true;
        if (a.status() < 0) {
            report.fail(Count.SERVER_ERRORS, what + ": no answer (" + a.failure() + ")");
            return false;
        }
        boolean unavailable = a.status() >= 502 && a.status() <= 504 && a.isProblem()
                && a.json().path("type").asText().equals("urn:wenming:problem:unavailable");
        if (a.status() >= 500 && !(unavailableAllowed && unavailable)) {
            report.fail(Count.SERVER_ERRORS, what + ": " + a.status() + " " + abbreviate(a.text()));
            ok = false;
        }
        String text = a.text();
        var leak = LEAK.matcher(text);
        if (leak.find()) {
            report.fail(Count.LEAKS, what + ": leaks \"" + leak.group() + "\" in " + abbreviate(text));
            ok = false;
        }
        for (var h : a.headers().entrySet()) {
            for (String v : h.getValue()) {
                var m = LEAK.matcher(v);
                if (!h.getKey().equalsIgnoreCase("content-type") && m.find()) {
                    report.fail(Count.LEAKS, what + ": header " + h.getKey() + " leaks \"" + m.group() + "\"");
                    ok = false;
                }
            }
        }
        if (a.status() >= 400 && a.status() < 500) {
            JsonNode p = a.json();
            if (!a.isProblem() || !p.path("type").asText().startsWith("urn:wenming:problem:") || p.path("status").asInt() != a.status()
                    || p.path("title").asText().isEmpty()) {
                report.fail(Count.NOT_PROBLEM, what + ": " + a.status() + " answered as " + a.contentType() + " " + abbreviate(text));
                ok = false;
            }
        }
        return ok;
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 240 ? flat : flat.substring(0, 240) + "…";
    }
}
