package cn.wenming.suite.probe;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces requests evenly at a rate, across every thread that sends: the access probe calls its
 * cells through the gateway, which limits each client address to {@link cn.wenming.suite.Suite#GATEWAY_RATE}
 * requests a second (plus a burst), and a probe that went faster would be answered 429 instead of
 * the answer it checks. Paced at {@link #SHARE} of that rate, the gateway's burst is never touched:
 * a thread that was held up (a pause, a slow answer) does not make up for lost time in a burst, it
 * just takes the next free slot. Ten lines, written here because nothing on the launcher's class
 * path paces (Guava's RateLimiter would bring all of Guava for it).
 */
final class Pace {

    /** The share of the gateway's rate the probe uses: the rest is headroom for jitter. */
    static final double SHARE = 0.8;

    private final long intervalNanos;
    private long next = System.nanoTime();

    Pace(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** The pace for requests through the suite's gateway. */
    static Pace forGateway() {
        return new Pace(cn.wenming.suite.Suite.GATEWAY_RATE * SHARE);
    }

    /** Waits for this caller's slot. */
    void await() {
        long slot;
        synchronized (this) {
            slot = Math.max(next, System.nanoTime());
            next = slot + intervalNanos;
        }
        // parkNanos may return early: wait until the slot has come
        for (long left = slot - System.nanoTime(); left > 0; left = slot - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
