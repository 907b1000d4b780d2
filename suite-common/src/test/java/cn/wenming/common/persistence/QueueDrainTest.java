package cn.wenming.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.Await;

/**
 * The shared drain of a work queue (what the outbox relay and the delivery worker supply is only the
 * claim, the handling of one claim and the record): every item is handled and recorded once, however
 * many drains share the queue; claims are bounded by the batch and by twice the concurrency outstanding;
 * a wake drains on the worker's own thread, and not at all where the replica does not work the queue;
 * a failing claim first records what was handled.
 */
class QueueDrainTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Duration EVERY = Duration.ofMillis(5);

    /** A queue of numbered items in memory, claimed like a table with SKIP LOCKED: each claim takes items no other took. */
    static final class Numbers implements QueueWorker<Integer, Integer> {
        final Settings settings;
        final List<Integer> due = new ArrayList<>();
        final Map<Integer, AtomicInteger> handled = new ConcurrentHashMap<>();
        final Set<Integer> recorded = ConcurrentHashMap.newKeySet();
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicInteger mostOutstanding = new AtomicInteger();
        final AtomicInteger largestClaim = new AtomicInteger();
        volatile int failClaimAfter = Integer.MAX_VALUE;
        final AtomicInteger claims = new AtomicInteger();

        Numbers(int items, Settings settings) {
            this.settings = settings;
            for (int i = 0; i < items; i++) {
                due.add(i);
            }
        }

        @Override
        public String queue() {
            return "numbers";
        }

        @Override
        public String name() {
            return "numbers-test";
        }

        @Override
        public Settings settings() {
            return settings;
        }

        @Override
        public Duration lease() {
            return WITHIN;
        }

        @Override
        public synchronized List<Integer> claim(int limit, Duration lease) {
            if (claims.incrementAndGet() > failClaimAfter) {
                throw new IllegalStateException("canceling statement due to statement timeout");
            }
            List<Integer> taken = new ArrayList<>(due.subList(0, Math.min(limit, due.size())));
            due.removeAll(taken);
            largestClaim.accumulateAndGet(taken.size(), Math::max);
            mostOutstanding.accumulateAndGet(outstanding.addAndGet(taken.size()), Math::max);
            return taken;
        }

        @Override
        public Integer handle(Integer item) {
            handled.computeIfAbsent(item, i -> new AtomicInteger()).incrementAndGet();
            return item;
        }

        @Override
        public void record(List<Integer> outcomes) {
            outstanding.addAndGet(-outcomes.size());
            recorded.addAll(outcomes);
        }
    }

    @Test
    void twoDrainsHandleAndRecordEveryItemOnceWithinTheBoundsOfBatchAndConcurrency() throws Exception {
        Numbers numbers = new Numbers(1000, new QueueWorker.Values(false, "off", 20, 4));
        try (QueueDrain<Integer, Integer> drain = new QueueDrain<>(numbers)) {
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> work = drain::drain;
                int claimed = 0;
                for (Future<Integer> f : two.invokeAll(List.of(work, work))) {
                    claimed += f.get();
                }
                assertEquals(1000, claimed, "the two drains claimed each item once between them");
            } finally {
                two.shutdownNow();
            }
        }
        assertEquals(1000, numbers.recorded.size(), "every outcome recorded");
        assertTrue(numbers.handled.values().stream().allMatch(n -> n.get() == 1), "no item handled twice");
        assertTrue(numbers.largestClaim.get() <= 8, "a claim takes at most 2 × concurrency: " + numbers.largestClaim.get());
        assertTrue(numbers.mostOutstanding.get() <= 16, "each drain holds at most 2 × 4 unrecorded: " + numbers.mostOutstanding.get());
        assertEquals(0, numbers.outstanding.get());
    }

    @Test
    void theBatchBoundsAClaimWhenItIsSmallerThanTheRoom() {
        Numbers numbers = new Numbers(50, new QueueWorker.Values(false, "off", 3, 16));
        try (QueueDrain<Integer, Integer> drain = new QueueDrain<>(numbers)) {
            assertEquals(50, drain.drain());
        }
        assertEquals(3, numbers.largestClaim.get());
        assertEquals(50, numbers.recorded.size());
    }

    @Test
    void aWakeDrainsOnTheWorkersOwnThreadAndOnlyWhereTheReplicaWorksTheQueue() {
        Numbers off = new Numbers(10, new QueueWorker.Values(false, "off", 5, 1));
        try (QueueDrain<Integer, Integer> drain = new QueueDrain<>(off)) {
            drain.wake();
        } // close waits for the drain's thread: a wake that ran would have claimed by now
        assertEquals(0, off.claims.get(), "a replica that does not work the queue is not woken");

        Numbers on = new Numbers(10, new QueueWorker.Values(true, "off", 5, 1));
        try (QueueDrain<Integer, Integer> drain = new QueueDrain<>(on)) {
            drain.wake();
            Await.until(() -> on.recorded.size() == 10, WITHIN, EVERY, "the wake drained the queue");
            synchronized (on) {
                on.due.add(10); // new work committed: the next wake takes it
            }
            drain.wake();
            Await.until(() -> on.recorded.contains(10), WITHIN, EVERY, "the next wake took the new item");
        }
        assertTrue(on.handled.values().stream().allMatch(n -> n.get() == 1), "no item handled twice");
    }

    @Test
    void aFailingClaimRecordsWhatWasHandledBeforeTheDrainGivesUp() {
        Numbers numbers = new Numbers(10, new QueueWorker.Values(false, "off", 2, 1));
        numbers.failClaimAfter = 2; // the third claim is cancelled (a lock held past the statement timeout)
        try (QueueDrain<Integer, Integer> drain = new QueueDrain<>(numbers)) {
            assertThrows(IllegalStateException.class, drain::drain);
            int left = numbers.due.size();
            assertTrue(left < 10 && left > 0, "two claims were taken before the failure: " + left + " left");
            assertEquals(10 - left, numbers.recorded.size(), "what the two claims took was handled and recorded before the drain gave up");
            assertEquals(0, numbers.outstanding.get());
            numbers.failClaimAfter = Integer.MAX_VALUE;
            assertEquals(left, drain.drain(), "the next drain takes the rest");
        }
        assertEquals(10, numbers.recorded.size());
    }
}
