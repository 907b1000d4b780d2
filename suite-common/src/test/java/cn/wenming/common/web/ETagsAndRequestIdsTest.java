package cn.wenming.common.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;

class ETagsAndRequestIdsTest {

    @Test
    void ifMatchMustNameTheCurrentVersion() {
        assertDoesNotThrow(() -> ETags.check(null, 3));
        assertDoesNotThrow(() -> ETags.check("*", 3));
        assertDoesNotThrow(() -> ETags.check("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.check("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.check("\"1\", \"3\"", 3));
        ProblemException stale = assertThrows(ProblemException.class, () -> ETags.check("\"2\"", 3));
        assertEquals(ProblemType.PRECONDITION_FAILED, stale.type());
        assertEquals(412, stale.type().status());
    }

    @Test
    void saneRequestIdsAreKeptOthersReplaced() {
        assertEquals("abc-123_X.y:z", RequestIds.accept("abc-123_X.y:z"));
        for (String bad : new String[] { null, "", "with space", "new\nline", "x".repeat(129), "中文" }) {
            String accepted = RequestIds.accept(bad);
            assertNotEquals(bad, accepted);
            assertEquals(36, accepted.length(), "a fresh UUID");
        }
    }
}
