package cn.wenming.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The retry waits of the work queues: doubling from the base, capped, with a jitter between ½ and 1. */
class WorkQueueBackoffTest {

    private static final Duration BASE = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void doublesPerFailureUpToTheMaximum() {
        // random 0.999.. gives (almost) the full wait; 0 gives half of it
        assertEquals(Duration.ofSeconds(30), WorkQueue.backoff(1, BASE, MAX, 1.0));
        assertEquals(Duration.ofSeconds(60), WorkQueue.backoff(2, BASE, MAX, 1.0));
        assertEquals(Duration.ofSeconds(120), WorkQueue.backoff(3, BASE, MAX, 1.0));
        assertEquals(Duration.ofSeconds(240), WorkQueue.backoff(4, BASE, MAX, 1.0));
        assertEquals(MAX, WorkQueue.backoff(5, BASE, MAX, 1.0));
        assertEquals(MAX, WorkQueue.backoff(60, BASE, MAX, 1.0), "no overflow however many failures");
    }

    @Test
    void jitterKeepsTheWaitBetweenHalfAndAll() {
        assertEquals(Duration.ofSeconds(15), WorkQueue.backoff(1, BASE, MAX, 0.0));
        assertEquals(Duration.ofSeconds(45), WorkQueue.backoff(2, BASE, MAX, 0.5));
    }
}
