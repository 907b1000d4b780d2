package cn.wenming.honors.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.Problem;
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.District;
import cn.wenming.honors.domain.Gender;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorLevel;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.domain.PeriodKind;
import cn.wenming.honors.domain.RecipientKind;

/** The rules of an honor without HTTP or a database. */
class HonorRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 4, 17);

    private static HonorProgram moralModels() {
        HonorProgram p = new HonorProgram();
        p.id = UUID.randomUUID();
        p.name = "首都道德模范";
        p.recipientKind = RecipientKind.PERSON;
        p.periodKind = PeriodKind.SESSION;
        p.categories = new ArrayList<>(List.of("助人为乐", "见义勇为", "诚实守信", "敬业奉献", "孝老爱亲"));
        p.levels = new ArrayList<>(List.of(HonorLevel.AWARD, HonorLevel.NOMINATION));
        return p;
    }

    private static HonorInput person(String district) {
        return new HonorInput(UUID.randomUUID(), 7, 2020, "助人为乐", null,
                new RecipientInput(RecipientKind.PERSON, "张秀英", Gender.FEMALE, "樱花园社区居委会"), district, "事迹", null, null, null);
    }

    private static List<String> fields(List<Problem.FieldError> errors) {
        return errors.stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void beijingHasSixteenDistricts() {
        assertEquals(16, District.ALL.size());
        assertEquals(16, District.ALL.stream().distinct().count());
        for (String d : District.ALL) {
            assertEquals(List.of(), fields(HonorRules.violations(person(d), moralModels())), d);
        }
        for (String wrong : List.of("朝阳", "崇文区", "宣武区", "经济技术开发区", "")) {
            assertEquals(List.of("district"), fields(HonorRules.violations(person(wrong), moralModels())), wrong);
        }
    }

    @Test
    void aUnitProgramTakesAnyBodyAndASpecificOneOnlyItsKind() {
        HonorProgram units = moralModels();
        units.recipientKind = RecipientKind.UNIT;
        HonorProgram campuses = moralModels();
        campuses.recipientKind = RecipientKind.CAMPUS;
        for (RecipientKind kind : RecipientKind.values()) {
            assertEquals(kind != RecipientKind.PERSON, units.takes(kind), kind.name());
            assertEquals(kind == RecipientKind.CAMPUS, campuses.takes(kind), kind.name());
            assertEquals(kind == RecipientKind.PERSON, moralModels().takes(kind), kind.name());
        }
    }

    @Test
    void theWindowLastsFiveDaysBothEndsCounted() {
        LocalDate start = LocalDate.of(2020, 3, 20);
        assertEquals(List.of("endDate"), fields(HonorRules.windowViolations(start, start.plusDays(3))));
        assertEquals(List.of("endDate"), fields(HonorRules.windowViolations(start, start.minusDays(1))));
        assertEquals(List.of(), HonorRules.windowViolations(start, start.plusDays(4)));
        assertEquals(List.of(), HonorRules.windowViolations(start, start.plusDays(30)));
    }

    @Test
    void conferralNeedsAnEndedWindowNoOpenObjectionAndALaterDocument() {
        Honor h = new Honor();
        h.status = HonorStatus.PUBLICIZING;
        h.publicityStart = TODAY.minusDays(8);
        h.publicityEnd = TODAY.minusDays(1);
        DecisionDocument d = new DecisionDocument();
        d.issuedOn = TODAY;
        assertTrue(HonorRules.conferralBlocker(h, d, TODAY).isEmpty());
        assertTrue(HonorRules.conferralBlocker(h, d, TODAY.minusDays(1)).orElseThrow().contains("ends on " + TODAY.minusDays(1)));
        h.openObjections = 1;
        assertTrue(HonorRules.conferralBlocker(h, d, TODAY).orElseThrow().contains("unresolved"));
        h.openObjections = 0;
        d.issuedOn = TODAY.minusDays(1);
        assertTrue(HonorRules.conferralBlocker(h, d, TODAY).orElseThrow().contains("dated after"));
        h.status = HonorStatus.NOMINATED;
        assertTrue(HonorRules.conferralBlocker(h, d, TODAY).orElseThrow().contains("NOMINATED"));
    }

    @Test
    void aTitleLapsesItsTermAfterConferral() {
        HonorProgram p = moralModels();
        p.recipientKind = RecipientKind.UNIT;
        p.termYears = 3;
        assertEquals(LocalDate.of(2023, 4, 17), p.expiryOf(TODAY, RecipientKind.UNIT));
        assertEquals(LocalDate.of(2023, 2, 28), p.expiryOf(LocalDate.of(2020, 2, 29), RecipientKind.UNIT));
        Honor h = new Honor();
        h.expiresOn = LocalDate.of(2023, 4, 17);
        assertTrue(h.expired(LocalDate.of(2023, 4, 17)));
        assertTrue(!h.expired(LocalDate.of(2023, 4, 16)));
        p.termYears = null;
        assertEquals(null, p.expiryOf(TODAY, RecipientKind.UNIT));
    }

    @Test
    void theRecipientKeyIgnoresSpacingAndCase() {
        assertEquals(HonorRules.recipientKey(RecipientKind.PERSON, " 张秀英 ", "樱花园  社区", "朝阳区"),
                HonorRules.recipientKey(RecipientKind.PERSON, "张秀英", "樱花园 社区", "朝阳区"));
        assertNotEquals(HonorRules.recipientKey(RecipientKind.PERSON, "张秀英", "樱花园社区", "朝阳区"),
                HonorRules.recipientKey(RecipientKind.PERSON, "张秀英", "海淀医院", "朝阳区"));
        assertNotEquals(HonorRules.recipientKey(RecipientKind.UNIT, "Beijing Bus", null, "西城区"),
                HonorRules.recipientKey(RecipientKind.FAMILY, "beijing bus", null, "西城区"));
    }

    @Test
    void everyTransitionOfTheLifecycle() {
        for (HonorStatus from : HonorStatus.values()) {
            for (HonorStatus to : HonorStatus.values()) {
                boolean allowed = switch (from) {
                    case NOMINATED -> to == HonorStatus.PUBLICIZING || to == HonorStatus.WITHDRAWN;
                    case PUBLICIZING -> to == HonorStatus.CONFERRED || to == HonorStatus.WITHDRAWN;
                    case CONFERRED -> to == HonorStatus.REVOKED;
                    case WITHDRAWN, REVOKED -> false;
                };
                assertEquals(allowed, from.canBecome(to), from + " → " + to);
            }
        }
    }

    @Test
    void documentNumbersAreWrittenWithTheOfficialBrackets() {
        assertEquals("京文明委〔2020〕3号", DecisionDocumentService.number(" 京文明委[2020]3号 "));
        assertEquals("京文明委〔2020〕3号", DecisionDocumentService.number("京文明委［2020］3号"));
        assertEquals(null, DecisionDocumentService.number("  "));
    }
}
