package cn.wenming.common.web;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import cn.wenming.common.config.SuiteHttpConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The access log: one line per answered request, laid out like the console log's lines so that one
 * grep finds both:
 *
 * <pre>
 * 2026-11-25 14:29:28.712 INFO  [access] (vert.x-eventloop-thread-1) rid=4f2c… 10.1.2.3 "GET /api/v1/bulletins/… HTTP/1.1" 200 9629 3ms
 * </pre>
 *
 * (time the answer was sent, request id, client address, request line, status, body bytes, time
 * from the request's arrival to its answer). It is written to standard output by
 * {@link AccessLogWriter}, many lines to a write, instead of by Quarkus's own access log
 * ({@code quarkus.http.access-log}): that one hands every line to the log manager's queue and wakes
 * its thread for each, and cost 15 % of the CPU of the mobile apps' main read (0.03 of 0.20 ms;
 * bench/RESULTS.md, scenario 1); this one costs about nothing measurable. {@code suite.http.access-log.*} in {@link SuiteHttpConfig} turns it off or sends it
 * to a file.
 */
@Singleton
public class AccessLog {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId ZONE = ZoneId.systemDefault();

    /** The formatted second of the last line, kept because most lines fall in the same second as the one before. */
    private record Second(long epochSecond, String text) {
    }

    private final AccessLogWriter writer;
    private final OutputStream file;
    private volatile Second second = new Second(Long.MIN_VALUE, "");

    @Inject
    public AccessLog(SuiteHttpConfig config) {
        SuiteHttpConfig.AccessLog settings = config.accessLog();
        if (!settings.enabled()) {
            writer = null;
            file = null;
            return;
        }
        file = settings.path().map(AccessLog::append).orElse(null);
        writer = new AccessLogWriter(file != null ? file : System.out, settings.backlog(), "access-log",
                dropped -> stamp(new StringBuilder(), System.currentTimeMillis())
                        .append(" WARN  [access] (access-log) ").append(dropped)
                        .append(" lines of the access log dropped: the output did not keep up").toString());
    }

    /** Writes the request's line once its answer is sent (or its connection closed). */
    void track(RoutingContext ctx, String requestId) {
        if (writer == null) {
            return;
        }
        long arrived = System.nanoTime();
        ctx.addEndHandler(ended -> writer.add(line(ctx, requestId, arrived)));
    }

    private String line(RoutingContext ctx, String requestId, long arrived) {
        HttpServerRequest request = ctx.request();
        SocketAddress client = request.remoteAddress();
        StringBuilder b = stamp(new StringBuilder(200), System.currentTimeMillis());
        b.append(" INFO  [access] (").append(Thread.currentThread().getName()).append(") rid=").append(requestId).append(' ')
                .append(client == null ? "-" : client.hostAddress())
                .append(" \"").append(request.method().name()).append(' ');
        appendPrintable(b, request.uri()).append(' ')
                .append(switch (request.version()) {
                    case HTTP_1_0 -> "HTTP/1.0";
                    case HTTP_1_1 -> "HTTP/1.1";
                    case HTTP_2 -> "HTTP/2";
                })
                .append("\" ").append(ctx.response().getStatusCode()).append(' ').append(ctx.response().bytesWritten()).append(' ')
                .append((System.nanoTime() - arrived) / 1_000_000).append("ms");
        return b.toString();
    }

    /**
     * Appends the request target with any control character (C0, DEL and C1, where a terminal finds
     * its escapes) percent-encoded, as it would be in a well-formed URI: a client cannot write
     * terminal escapes or fake line parts into the log.
     */
    static StringBuilder appendPrintable(StringBuilder b, String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                b.append(c);
            }
        }
        return b;
    }

    /** Appends {@code yyyy-MM-dd HH:mm:ss.SSS} in the JVM's time zone, as the console log's {@code %d} does. */
    private StringBuilder stamp(StringBuilder b, long millis) {
        long epochSecond = Math.floorDiv(millis, 1000);
        Second s = second;
        if (s.epochSecond() != epochSecond) {
            s = new Second(epochSecond, SECOND.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZONE)));
            second = s;
        }
        int ms = (int) Math.floorMod(millis, 1000);
        return b.append(s.text()).append('.').append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms);
    }

    /** The lines of the requests answered so far are written before the service stops. */
    @PreDestroy
    void close() {
        if (writer != null) {
            writer.close(Duration.ofSeconds(2));
        }
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing more can be written anyway
            }
        }
    }

    private static OutputStream append(Path path) {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            return new FileOutputStream(path.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
