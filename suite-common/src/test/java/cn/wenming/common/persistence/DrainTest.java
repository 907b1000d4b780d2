package cn.wenming.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.Await;

/** The drain of a work queue: runs on its own thread when woken, never two at once, and no wake is lost. */
class DrainTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Duration EVERY = Duration.ofMillis(5);

    @Test
    void wakesDuringARunMakeExactlyOneMoreRunAndRunsNeverOverlap() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Drain drain = new Drain("drain-test", () -> {
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                if (runs.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                active.decrementAndGet();
            }
        });
        drain.wake();
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS), "the first wake starts a run");
        for (int i = 0; i < 5; i++) {
            drain.wake(); // work committed while the run is going: it may not have seen it
        }
        assertEquals(1, runs.get(), "wake returns at once and never starts a second run beside the first");
        release.countDown();
        Await.until(() -> runs.get() == 2, WITHIN, EVERY, "one more run after the first, for the wakes during it");
        drain.close(); // waits for the thread to end: nothing else was due to run
        assertEquals(2, runs.get(), "five wakes during a run make one more run, not five");
        assertEquals(1, mostActive.get(), "never two runs at once");
    }

    @Test
    void everyWakeIsFollowedByARunEvenRightAsTheLastOneEndsAndAFailedRunStopsNothing() {
        AtomicInteger runs = new AtomicInteger();
        Drain drain = new Drain("drain-test", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
        });
        try {
            // each wake comes while the run before it may still be ending: it is never lost, and never doubled
            for (int n = 1; n <= 200; n++) {
                int expected = n;
                drain.wake();
                Await.until(() -> runs.get() >= expected, WITHIN, Duration.ofNanos(1000), "run " + expected + " after wake " + expected);
                assertEquals(expected, runs.get(), "one wake, one run");
            }
        } finally {
            drain.close();
        }
    }
}
