package cn.wenming.suite.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The pace the access probe keeps below the gateway's rate: however many threads ask, slots come
 * no faster than the rate (a lower bound on the time taken, which a slow machine cannot break).
 */
class PaceTest {

    @Test
    void manyThreadsTogetherGetNoMoreSlotsThanTheRate() throws Exception {
        Pace pace = new Pace(100);   // a slot every 10 ms
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    pace.await();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // 30 slots: the first at once, the 30th 29 intervals later
        assertTrue(millis >= 290, "30 slots at 100 a second took " + millis + " ms");
    }
}
