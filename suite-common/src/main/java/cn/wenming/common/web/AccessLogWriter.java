package cn.wenming.common.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Writes lines to a stream from one background thread, many lines to a write.
 * <p>
 * The thread that serves a request only queues its line. The writer writes what waits in chunks
 * of at most {@link #CHUNK} bytes that end at a line's end, then lingers {@link #LINGER} so that the
 * lines arriving meanwhile go out together, and sleeps when none came (the next line wakes it). A write of at most that size to a pipe
 * (a container's standard output) is never interleaved with another process's or thread's write,
 * so no line is ever cut in two by another log line. A line longer than a chunk is written alone.
 * <p>
 * If the stream cannot keep up (a stalled log collector), at most {@code backlog} lines wait: further
 * lines are dropped and counted, and the count is written as a line of its own once the writer
 * catches up. Requests are never held up by the log.
 */
final class AccessLogWriter {

    /** Linux's PIPE_BUF: writes up to this size to a pipe are atomic. */
    static final int CHUNK = 4096;
    /** How long the writer waits after a write for more lines before it writes again or sleeps. */
    static final Duration LINGER = Duration.ofMillis(2);

    private final OutputStream out;
    private final int backlog;
    private final LongFunction<String> droppedLine;
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    /**
     * Lines taken by {@link #add} so far; of them, those the writer has taken from the queue, and
     * those it has written. {@code added - taken} lines wait; {@link #flush} waits for {@code written}.
     */
    private final AtomicLong added = new AtomicLong();
    private volatile long taken;
    private volatile long written;
    private volatile boolean parked;
    private volatile boolean open = true;
    private final Thread thread;
    private final byte[] chunk = new byte[CHUNK];
    private int filled;

    /** @param droppedLine the line that reports how many lines were dropped */
    AccessLogWriter(OutputStream out, int backlog, String threadName, LongFunction<String> droppedLine) {
        this.out = out;
        this.backlog = backlog;
        this.droppedLine = droppedLine;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a line (without its line end); drops and counts it when {@code backlog} lines already
     * wait (lines added at the same moment by other threads may pass the bound by one each).
     */
    void add(String line) {
        if (added.get() - taken >= backlog) {
            dropped.incrementAndGet();
            return;
        }
        added.incrementAndGet();
        lines.add(line);
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /** Waits, at most {@code timeout}, until every line added before this call is written. */
    boolean flush(Duration timeout) {
        long target = added.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written < target) {
            LockSupport.unpark(thread);
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    /**
     * Writes what waits, at most {@code timeout}, and ends the writer thread; lines added afterwards
     * are not written. Does not close the stream.
     */
    void close(Duration timeout) {
        flush(timeout);
        open = false;
        LockSupport.unpark(thread);
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (open) {
            String line = lines.poll();
            if (line != null) {
                append(line);
                taken++;
                continue;
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                append(droppedLine.apply(lost));
            }
            writeChunk();
            written = taken;
            LockSupport.parkNanos(LINGER.toNanos());
            if (lines.isEmpty()) {
                parked = true;
                if (lines.isEmpty() && open) {
                    LockSupport.park(this);
                }
                parked = false;
            }
        }
    }

    private void append(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (filled + bytes.length > CHUNK) {
            writeChunk();
        }
        if (bytes.length > CHUNK) {
            write(bytes, bytes.length);
        } else {
            System.arraycopy(bytes, 0, chunk, filled, bytes.length);
            filled += bytes.length;
        }
    }

    private void writeChunk() {
        if (filled > 0) {
            write(chunk, filled);
            filled = 0;
        }
    }

    private void write(byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the log's own output failed: there is nowhere better to say so than standard error
            System.err.println("access log: cannot write (" + e + ")");
        }
    }
}
