package cn.wenming.common.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The office's time zone, Asia/Shanghai: instants are shown in it, "today" is reckoned in it. */
public final class OfficeTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private OfficeTime() {
    }

    /** An instant as the office reads it, e.g. {@code 2020-04-24T09:30:00+08:00}; null stays null. */
    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
