package cn.wenming.common.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.ProblemException;

class ExpectedVersionTest {

    @Test
    void absentBlankOrStarIsAny() {
        assertTrue(ExpectedVersion.ofIfMatch(null).isAny());
        assertTrue(ExpectedVersion.ofIfMatch(" ").isAny());
        assertTrue(ExpectedVersion.ofIfMatch("*").isAny());
        ExpectedVersion.ANY.check(7);
    }

    @Test
    void strongWeakAndListedTagsMatchTheirVersion() {
        ExpectedVersion.ofIfMatch("\"3\"").check(3);
        ExpectedVersion.ofIfMatch("W/\"3\"").check(3);
        ExpectedVersion.ofIfMatch("\"1\", W/\"4\"").check(4);
        ExpectedVersion.of(5).check(5);
    }

    @Test
    void anotherVersionIsA412NamingTheCurrentOne() {
        ProblemException e = assertThrows(ProblemException.class, () -> ExpectedVersion.ofIfMatch("\"2\"").check(3));
        assertEquals(412, e.type().status());
        assertThrows(ProblemException.class, () -> ExpectedVersion.of(2).check(3));
    }
}
