package cn.wenming.common.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polling with a deadline, for what happens in the background (workers, relays): never a fixed sleep. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every {@code every} until it holds; fails naming {@code what} once {@code within} has passed. */
    public static void until(BooleanSupplier condition, Duration within, Duration every, String what) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within.toSeconds() + "s: " + what);
            }
            LockSupport.parkNanos(every.toNanos());
        }
    }
}
