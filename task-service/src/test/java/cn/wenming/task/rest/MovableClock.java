package cn.wenming.task.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The clock of the application under test (it replaces suite-common's default clock): the system's
 * time, unless a test stands it still at an instant to check a date boundary. Such a test puts it
 * back in a {@code finally}, so tests that run after it see the real time.
 */
@Singleton
public class MovableClock extends Clock {

    private volatile Instant fixed;

    /** Stands the clock at {@code at} until {@link #reset()}. */
    public void set(Instant at) {
        fixed = at;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
