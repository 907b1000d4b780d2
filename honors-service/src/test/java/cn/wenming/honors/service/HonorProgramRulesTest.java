package cn.wenming.honors.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.Problem;
import cn.wenming.honors.domain.HonorLevel;
import cn.wenming.honors.domain.PeriodKind;
import cn.wenming.honors.domain.RecipientKind;

/** The cross-field rules of a program, without HTTP or a database. */
class HonorProgramRulesTest {

    private static List<String> fields(HonorProgramInput in) {
        return HonorProgramService.violations(in).stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aPersonProgramHasNoTerm() {
        var in = new HonorProgramInput("首都道德模范", RecipientKind.PERSON, PeriodKind.SESSION, List.of(), null, 3);
        assertEquals(List.of("termYears"), fields(in));
    }

    @Test
    void everyOtherRecipientMayHaveATerm() {
        for (RecipientKind kind : RecipientKind.values()) {
            var in = new HonorProgramInput("文明单位", kind, PeriodKind.YEAR, List.of(), null, 3);
            assertEquals(kind == RecipientKind.PERSON ? List.of("termYears") : List.of(), fields(in), kind.name());
        }
    }

    @Test
    void aProgramWithoutTermIsFineForAnyRecipient() {
        for (RecipientKind kind : RecipientKind.values()) {
            assertEquals(List.of(), fields(new HonorProgramInput("北京榜样", kind, PeriodKind.YEAR, null, null, null)), kind.name());
        }
    }

    @Test
    void categoriesMustBeDistinctAfterTrimming() {
        var in = new HonorProgramInput("首都道德模范", RecipientKind.PERSON, PeriodKind.SESSION,
                List.of("助人为乐", "见义勇为", " 助人为乐 "), null, null);
        var errors = HonorProgramService.violations(in);
        assertEquals(List.of("categories"), errors.stream().map(Problem.FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("助人为乐"), "the message names the repeated category");
    }

    @Test
    void distinctCategoriesPass() {
        var in = new HonorProgramInput("首都道德模范", RecipientKind.PERSON, PeriodKind.SESSION,
                List.of("助人为乐", "见义勇为", "诚实守信", "敬业奉献", "孝老爱亲"), null, null);
        assertEquals(List.of(), fields(in));
    }

    @Test
    void bothRulesAreReportedAtOnce() {
        var in = new HonorProgramInput("首都道德模范", RecipientKind.PERSON, PeriodKind.SESSION,
                Arrays.asList("孝老爱亲", "孝老爱亲"), null, 5);
        assertEquals(List.of("categories", "termYears"), fields(in));
    }

    @Test
    void levelsMustBeDistinct() {
        var in = new HonorProgramInput("首都道德模范", RecipientKind.PERSON, PeriodKind.SESSION, List.of(),
                List.of(HonorLevel.NOMINATION, HonorLevel.NOMINATION), null);
        assertEquals(List.of("levels"), fields(in));
        assertEquals(List.of(), fields(new HonorProgramInput("首都道德模范", RecipientKind.PERSON, PeriodKind.SESSION, List.of(),
                List.of(HonorLevel.AWARD, HonorLevel.NOMINATION), null)));
    }

    @Test
    void onlyAPersonHoldsNoTitleForATerm() {
        for (RecipientKind kind : RecipientKind.values()) {
            assertEquals(kind != RecipientKind.PERSON, kind.holdsTitleForTerm(), kind.name());
        }
    }
}
