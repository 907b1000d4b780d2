package cn.wenming.task.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The test-year allocator keeps its promise: distinct years, never a reserved one, whatever the start. */
class PlanYearsTest {

    @Test
    void everyStartHandsOutEachAllowedYearOnceAndNeverAReservedOne() {
        Set<Integer> reserved = Set.of(2000, 2020, 2100);
        for (int start = 0; start <= 101; start++) {
            PlanYears years = new PlanYears(reserved, start);
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < years.size(); i++) {
                int year = years.take();
                assertTrue(year >= 2000 && year <= 2100, "in range: " + year);
                assertTrue(!reserved.contains(year), "not reserved: " + year);
                assertTrue(seen.add(year), "not handed out twice: " + year);
            }
            assertEquals(98, seen.size());
            assertThrows(IllegalStateException.class, years::take, "running out is loud");
        }
    }

    @Test
    void yearIsReplacedInJson() {
        assertEquals("{\"year\":2031,\"title\":\"2019年\"}", PlanYears.withYear("{\"year\":2019,\"title\":\"2019年\"}", 2031));
    }
}
