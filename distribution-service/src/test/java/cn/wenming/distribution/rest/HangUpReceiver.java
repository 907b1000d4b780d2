package cn.wenming.distribution.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver on 127.0.0.1 that reads each webhook call whole and then, for its first {@code hangUps}
 * connections, closes the connection without a word (as a server does that drops a kept-alive
 * connection just as the caller reuses it); later connections are answered 200. A plain socket,
 * because an HTTP server library always answers.
 */
final class HangUpReceiver implements AutoCloseable {

    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    private final ServerSocket server;
    private final Thread loop;

    HangUpReceiver(int hangUps) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        loop = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    int n = connections.incrementAndGet();
                    InputStream in = s.getInputStream();
                    if (!readRequest(in)) {
                        continue;
                    }
                    requests.incrementAndGet();
                    if (n > hangUps) {
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                } catch (IOException e) {
                    // closed by close(), or the caller went away: the next accept says which
                }
            }
        }, "hang-up-receiver");
        loop.setDaemon(true);
        loop.start();
    }

    /** Reads one request's head and its Content-Length body; false when the connection ends first. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return in.readNBytes(length).length == length;
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/inbox";
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
