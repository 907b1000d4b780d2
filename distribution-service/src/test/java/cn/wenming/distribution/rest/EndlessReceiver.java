package cn.wenming.distribution.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A real receiver on 127.0.0.1 that answers every call with {@code status} and a body that never
 * ends: a line of text, then 64 KiB chunks for as long as the caller reads (at most 4 GiB, so a
 * test without the sender's limit ends too). It counts the calls whose caller stopped reading and
 * closed the connection.
 */
final class EndlessReceiver implements AutoCloseable {

    static final String FIRST_LINE = "服务器忙，请稍后再试 (server busy) ";
    private static final long GIVE_UP = 4L << 30;

    final HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger cutOff = new AtomicInteger();
    final AtomicLong written = new AtomicLong();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    EndlessReceiver(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.setExecutor(threads);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        server.createContext("/inbox", exchange -> {
            calls.incrementAndGet();
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                exchange.sendResponseHeaders(status, 0); // chunked: no length, no end
                OutputStream out = exchange.getResponseBody();
                out.write(FIRST_LINE.getBytes(StandardCharsets.UTF_8));
                long sent = 0;
                while (sent < GIVE_UP) {
                    out.write(chunk);
                    out.flush();
                    sent += chunk.length;
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                cutOff.incrementAndGet(); // the caller closed the connection
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/inbox";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
