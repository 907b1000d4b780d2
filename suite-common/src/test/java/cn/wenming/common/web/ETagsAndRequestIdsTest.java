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
        assertDoesNotThrow(() -> cn.wenming.common.version.ExpectedVersion.ofIfMatch(null).check(3));
        assertDoesNotThrow(() -> cn.wenming.common.version.ExpectedVersion.ofIfMatch("*").check(3));
        assertDoesNotThrow(() -> cn.wenming.common.version.ExpectedVersion.ofIfMatch("\"3\"").check(3));
        assertDoesNotThrow(() -> cn.wenming.common.version.ExpectedVersion.ofIfMatch("W/\"3\"").check(3));
        assertDoesNotThrow(() -> cn.wenming.common.version.ExpectedVersion.ofIfMatch("\"1\", \"3\"").check(3));
        ProblemException stale = assertThrows(ProblemException.class, () -> cn.wenming.common.version.ExpectedVersion.ofIfMatch("\"2\"").check(3));
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
