package cn.wenming.common.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * An export of the trail as it is written: CSV (RFC 4180, by Apache Commons CSV; UTF-8 with a byte
 * order mark, so that spreadsheets read the Chinese right) or JSON Lines (one record a line, as the
 * list shows it). Every CSV cell that a spreadsheet would read as a formula is neutralized.
 */
abstract class AuditExport implements AutoCloseable {

    static final String[] HEADER = { "seq", "id", "at", "user", "org", "roles", "clientAddress", "method", "path", "query", "operation",
            "resourceType", "resourceId", "versionBefore", "versionAfter", "outcome", "status", "requestId", "detail", "changes", "prevHash",
            "hash" };

    static AuditExport of(AuditTrail.Format format, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return format == AuditTrail.Format.CSV ? new Csv(text) : new JsonLines(text);
    }

    abstract void write(AuditRecord record) throws IOException;

    abstract void flush() throws IOException;

    @Override
    public abstract void close() throws IOException;

    /**
     * A cell as written to the CSV: a text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a
     * tab or a carriage return is prefixed with an apostrophe, so that no spreadsheet runs it as a
     * formula (OWASP, "CSV injection"); the library then quotes it as needed. Null is an empty cell.
     * A user name, a path or a query is whatever a caller sent.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static final class Csv extends AuditExport {

        private final Writer text;
        private final CSVPrinter printer;

        Csv(Writer text) throws IOException {
            this.text = text;
            text.write('\uFEFF');
            this.printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        }

        @Override
        void write(AuditRecord r) throws IOException {
            AuditRecordView v = AuditRecordView.of(r);
            Object[] cells = { v.seq(), v.id(), v.at(), v.user(), v.org(), r.entry().roles(), v.clientAddress(), v.method(), v.path(),
                    v.query(), v.operation(), v.resourceType(), v.resourceId(), v.versionBefore(), v.versionAfter(), v.outcome(), v.status(),
                    v.requestId(), v.detail(), r.entry().changes(), v.prevHash(), v.hash() };
            for (Object c : cells) {
                printer.print(cell(c));
            }
            printer.println();
        }

        @Override
        void flush() throws IOException {
            printer.flush();
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
            text.close();
        }
    }

    private static final class JsonLines extends AuditExport {

        private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        private final Writer text;

        JsonLines(Writer text) {
            this.text = text;
        }

        @Override
        void write(AuditRecord r) throws IOException {
            text.write(JSON.writeValueAsString(AuditRecordView.of(r)));
            text.write('\n');
        }

        @Override
        void flush() throws IOException {
            text.flush();
        }

        @Override
        public void close() throws IOException {
            text.close();
        }
    }
}
