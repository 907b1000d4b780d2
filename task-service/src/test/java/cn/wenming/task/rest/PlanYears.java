package cn.wenming.task.rest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Years for the plans tests create. There is one plan per year and years run 2000..2100, so a test
 * cannot pick a random year: two picks would clash sooner or later. Tests take their years from
 * {@link #next()} instead: one allocator for the whole test JVM (all test classes run in one
 * application on one database), handing out the allowed years in turn from a random start, each
 * at most once, so no two tests clash however JUnit orders them.
 * <p>
 * Never handed out: the seed's year (2020, read from the seed file) and the two bounds 2000 and
 * 2100, which only {@code WorkPlanResourceTest#yearBoundsAreAccepted} creates. That leaves 98
 * years; a run takes about 60 (the conventions contract about 11, the plan resource tests about 20,
 * the task, progress and supervision tests about 30: one plan per test, rarely two). Running out
 * fails loudly instead of handing out a year twice.
 */
final class PlanYears {

    static final int FIRST = 2000;
    static final int LAST = 2100;

    private final List<Integer> years;
    private final int start;
    private final AtomicInteger taken = new AtomicInteger();

    PlanYears(Set<Integer> reserved, int start) {
        this.years = IntStream.rangeClosed(FIRST, LAST).filter(y -> !reserved.contains(y)).boxed().toList();
        this.start = start;
    }

    /** The next unused year; never a reserved one, never one given out before. */
    int take() {
        int n = taken.getAndIncrement();
        if (n >= years.size()) {
            throw new IllegalStateException("all " + years.size() + " test years are used: tests create too many plans");
        }
        return years.get(Math.floorMod(start + n, years.size()));
    }

    int size() {
        return years.size();
    }

    /** A year no other test of this JVM has had. */
    static int next() {
        return Shared.YEARS.take();
    }

    /** The same JSON object with another year. */
    static String withYear(String json, int year) {
        return json.replaceFirst("\"year\":\\s*-?\\d+", "\"year\":" + year);
    }

    /** Made on first use only, inside the running test application (it reads the seed). */
    private static final class Shared {
        static final PlanYears YEARS = new PlanYears(Set.of(SeedFile.workPlan().path("year").asInt(), FIRST, LAST),
                ThreadLocalRandom.current().nextInt(LAST - FIRST + 1));
    }
}
