package cn.wenming.suite.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What the probe counts as a leak, and what it must not (the suite's own problem texts). */
class LeakPatternTest {

    @Test
    void stackTracesSqlAndClassNamesAreLeaks() {
        for (String leak : List.of("at cn.wenming.bulletin.service.BulletinService.publish(BulletinService.java:120)",
                "java.lang.NullPointerException: x", "org.hibernate.exception.ConstraintViolationException",
                "ERROR: duplicate key value violates unique constraint \"uk_series_title\"", "SQLState: 23505",
                "syntax error at or near \"OR\"", "select id, title from bulletin where x", "Caused by: java.io.IOException",
                "invalid byte sequence for encoding \"UTF8\": 0x00")) {
            assertTrue(Http.LEAK.matcher(leak).find(), leak);
        }
    }

    @Test
    void theSuitesOwnProblemTextsAreNot() {
        for (String fine : List.of("{\"type\":\"urn:wenming:problem:validation\",\"title\":\"请求内容无效 (invalid request)\","
                + "\"status\":400,\"detail\":\"title: 类型或格式错误 (wrong type or format)\",\"instance\":\"/api/v1/bulletin-series\"}",
                "没有这个资源 (no such resource): /api/v1/bulletins/abc", "与已有数据冲突（可能刚被他人创建）(conflicts with existing data)",
                "jswmzhxhc@163.com", "https://oa.wenming.gov.cn/api/bulletins/inbox", "内部错误，请联系运维并提供请求编号 (internal error: quote the requestId to operations)")) {
            assertFalse(Http.LEAK.matcher(fine).find(), fine);
        }
    }
}
