package cn.wenming.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The access log: its writer writes every line once and whole, many to a write, never more than a
 * pipe's atomic size; its lines cannot be forged by a client. (Each service's lines through HTTP:
 * {@code ConventionsContract#everyAnswerHasItsAccessLogLine}.)
 */
class AccessLogTest {

    @Test
    void controlCharactersInTheRequestTargetArePercentEncoded() {
        assertEquals("/api/v1/x?q=%1B[31m%0A%7F%09ok+%E7%AE%80",
                AccessLog.appendPrintable(new StringBuilder(), "/api/v1/x?q=\u001b[31m\n\u007f\tok+%E7%AE%80").toString());
        assertEquals("/简报?q=文明", AccessLog.appendPrintable(new StringBuilder(), "/简报?q=文明").toString());
        // C1 controls (0x9B is a terminal's CSI) are encoded too; Latin-1 letters are not
        assertEquals("/x%9B31m%85é", AccessLog.appendPrintable(new StringBuilder(), "/x\u009b31m\u0085é").toString());
    }

    /** Keeps each write apart, as the writes to a pipe are; can be held in the middle of a write. */
    static class Writes extends OutputStream {
        final List<byte[]> writes = new ArrayList<>();
        final CountDownLatch inWrite = new CountDownLatch(1);
        final CountDownLatch released;

        Writes(boolean stalled) {
            released = new CountDownLatch(stalled ? 1 : 0);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            inWrite.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                writes.add(Arrays.copyOfRange(b, off, off + len));
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        synchronized List<byte[]> copy() {
            return new ArrayList<>(writes);
        }

        List<String> lines() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            copy().forEach(all::writeBytes);
            String text = all.toString(StandardCharsets.UTF_8);
            assertTrue(text.isEmpty() || text.endsWith("\n"), "the output ends at a line's end");
            return text.isEmpty() ? List.of() : List.of(text.substring(0, text.length() - 1).split("\n", -1));
        }
    }

    @Test
    void linesFromManyThreadsAreWrittenOnceWholeAndManyToAWrite() throws InterruptedException {
        Writes out = new Writes(true);
        AccessLogWriter writer = new AccessLogWriter(out, 100_000, "test-access-log", n -> "dropped " + n);
        writer.add("first");
        assertTrue(out.inWrite.await(10, TimeUnit.SECONDS), "the writer is held writing the first line");
        int threads = 4;
        int each = 5_000;
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            // Chinese text: a line's bytes, not its characters, count against a chunk
            Thread sender = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    writer.add(line(thread, i));
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread s : senders) {
            s.join();
        }
        out.released.countDown();
        assertTrue(writer.flush(Duration.ofSeconds(20)), "all lines written within 20 s");

        List<String> lines = out.lines();
        assertEquals(1 + threads * each, lines.size());
        assertEquals("first", lines.get(0));
        Set<String> distinct = new HashSet<>(lines);
        assertEquals(lines.size(), distinct.size(), "no line twice");
        long bytes = 0;
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                assertTrue(distinct.contains(line(t, i)), line(t, i));
                bytes += line(t, i).getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        List<byte[]> writes = out.copy();
        for (byte[] w : writes) {
            assertTrue(w.length <= AccessLogWriter.CHUNK, "a write of " + w.length + " bytes");
            assertEquals('\n', w[w.length - 1], "a write ends at a line's end");
        }
        int longestLine = line(0, 299).getBytes(StandardCharsets.UTF_8).length + 1;
        long mostWrites = 1 + bytes / (AccessLogWriter.CHUNK - longestLine) + 1;
        assertTrue(writes.size() <= mostWrites, writes.size() + " writes for " + bytes + " bytes: chunks are filled");
        writer.close(Duration.ofSeconds(5));
    }

    private static String line(int thread, int i) {
        return "thread " + thread + " line " + i + " 首都精神文明办简报 " + "x".repeat(i % 300);
    }

    @Test
    void aLineLongerThanAChunkIsWrittenAloneAndWhole() {
        Writes out = new Writes(false);
        AccessLogWriter writer = new AccessLogWriter(out, 100, "test-access-log", n -> "dropped " + n);
        String longLine = "GET /" + "长".repeat(3000);
        writer.add("before");
        writer.add(longLine);
        writer.add("after");
        assertTrue(writer.flush(Duration.ofSeconds(10)));
        assertEquals(List.of("before", longLine, "after"), out.lines());
        assertTrue(out.copy().stream().anyMatch(w -> new String(w, StandardCharsets.UTF_8).equals(longLine + "\n")));
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void aStalledOutputDropsAndCountsLinesInsteadOfHoldingUpRequests() throws InterruptedException {
        Writes out = new Writes(true);
        int backlog = 50;
        AccessLogWriter writer = new AccessLogWriter(out, backlog, "test-access-log", n -> "dropped " + n);
        writer.add("first");
        assertTrue(out.inWrite.await(10, TimeUnit.SECONDS), "the writer is held writing the first line");
        long start = System.nanoTime();
        for (int i = 0; i < backlog + 30; i++) {
            writer.add("line " + i);
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "adding never waits for the output");
        out.released.countDown();
        assertTrue(writer.flush(Duration.ofSeconds(10)));

        List<String> lines = out.lines();
        List<String> expected = new ArrayList<>(List.of("first"));
        for (int i = 0; i < backlog; i++) {
            expected.add("line " + i);
        }
        expected.add("dropped 30");
        assertEquals(expected, lines);
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void closeWritesWhatWaits() {
        Writes out = new Writes(false);
        AccessLogWriter writer = new AccessLogWriter(out, 100, "test-access-log", n -> "dropped " + n);
        for (int i = 0; i < 20; i++) {
            writer.add("line " + i);
        }
        writer.close(Duration.ofSeconds(10));
        assertEquals(20, out.lines().size());
    }
}
