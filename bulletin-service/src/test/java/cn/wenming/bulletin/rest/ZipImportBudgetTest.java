package cn.wenming.bulletin.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * A zip of back issues is read within a budget (issue 18): what it inflates to in all, counted as
 * it inflates, and how many entries it holds. Each zip here carries a good issue beside the bomb,
 * so a zip that got through would have stored it; the same issue alone is then imported, so the
 * budget is what stopped it.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class ZipImportBudgetTest {

    private static final String BATCH = "/api/v1/bulletins/imports/batch";

    @Inject
    BulletinConfig config;

    private final Desk desk = new Desk();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aZipBombIs413AndImportsNothing() throws IOException {
        String series = series();
        byte[] bomb = zip(z -> {
            entry(z, "第17期.txt", issue(series));
            z.putNextEntry(new ZipEntry("炸弹.txt"));
            zeros(z, budget() + 8 * 1024 * 1024);
        });
        assertTrue(bomb.length < 256 * 1024, "a small upload: " + bomb.length + " bytes");
        assertOverBudget(upload(bomb)).body("detail", containsString(ZipUpload.size(budget())));
        assertImportsAfterwards(series);
    }

    @Test
    void theBudgetIsForTheWholeZipNotForEachFile() throws IOException {
        String series = series();
        long each = ImportResource.MAX_FILE_BYTES - 1024; // every file alone is allowed
        int files = (int) (budget() / each) + 1;
        byte[] many = zip(z -> {
            entry(z, "第17期.txt", issue(series));
            for (int i = 0; i < files; i++) {
                z.putNextEntry(new ZipEntry("附件-" + i + ".txt"));
                zeros(z, each);
            }
        });
        assertOverBudget(upload(many));
        assertImportsAfterwards(series);
    }

    @Test
    void theSizeAnEntrysHeaderDeclaresIsNotBelieved() throws IOException {
        ZipEntry bomb = new ZipEntry("小文件.txt");
        byte[] zip = zip(z -> {
            z.putNextEntry(bomb);
            zeros(z, budget() + 1);
        });
        // the local header now says 1 KB of DEFLATED data, with sizes given (no data descriptor)
        ByteBuffer header = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x04034b50, header.getInt(0), "a local file header first");
        header.putShort(6, (short) (header.getShort(6) & ~0x08));
        header.putInt(14, (int) bomb.getCrc());
        header.putInt(18, (int) bomb.getCompressedSize());
        header.putInt(22, 1024);
        assertOverBudget(upload(zip));
    }

    @Test
    void aZipOfTooManyEntriesIs413AndImportsNothing() throws IOException {
        String series = series();
        int entries = config.importing().zipMaxEntries();
        byte[] many = zip(z -> {
            entry(z, "第17期.txt", issue(series));
            for (int i = 0; i < entries; i++) {
                z.putNextEntry(new ZipEntry("目录-" + i + "/"));
            }
        });
        assertProblem(upload(many).then(), 413, "payload-too-large").body("detail", containsString(Integer.toString(entries)));
        assertTrue(issues(series).isEmpty(), "nothing was imported");
        assertImportsAfterwards(series);
    }

    // --- helpers -------------------------------------------------------------------------------

    private long budget() {
        return config.importing().zipMaxSize().asLongValue();
    }

    /** A series of the test's own; its title is the masthead of {@link #issue}. */
    private String series() {
        String title = "压缩包限额测试简报-" + UUID.randomUUID();
        Desk.as(desk.admin).body(Map.of("title", title, "issuingOrg", "首都精神文明办", "kind", "REGULAR"))
                .post("/api/v1/bulletin-series").then().statusCode(201);
        return title;
    }

    private static byte[] issue(String seriesTitle) throws IOException {
        return ImportTest.issueOfOwnSeries(seriesTitle, 17, 2126).getBytes(StandardCharsets.UTF_8);
    }

    private Response upload(byte[] zip) {
        return given().header("Authorization", desk.admin).contentType("application/zip").body(zip).post(BATCH + "?commit=true");
    }

    private ValidatableResponse assertOverBudget(Response answer) {
        return assertProblem(answer.then(), 413, "payload-too-large").body("detail", containsString("nothing was imported"));
    }

    /** The series holds no issue; the good issue alone then imports into it (so the budget, not the issue, stopped the zip). */
    private void assertImportsAfterwards(String seriesTitle) throws IOException {
        String seriesId = seriesId(seriesTitle);
        assertTrue(issuesOf(seriesId).isEmpty(), "nothing was imported");
        byte[] alone = zip(z -> entry(z, "第17期.txt", issue(seriesTitle)));
        upload(alone).then().statusCode(200).body("imported", equalTo(1)).body("results[0].status", equalTo(201));
        assertEquals(1, issuesOf(seriesId).size());
    }

    private List<String> issues(String seriesTitle) {
        return issuesOf(seriesId(seriesTitle));
    }

    private List<String> issuesOf(String seriesId) {
        return given().header("Authorization", desk.admin).queryParam("seriesId", seriesId).get(Desk.BULLETINS)
                .then().statusCode(200).extract().path("items.id");
    }

    private String seriesId(String title) {
        String cursor = null;
        do {
            var request = given().header("Authorization", desk.admin).queryParam("limit", 100).queryParam("sort", "-createdAt");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/bulletin-series");
            List<Map<String, Object>> items = page.then().statusCode(200).extract().path("items");
            for (Map<String, Object> s : items) {
                if (title.equals(s.get("title"))) {
                    return (String) s.get("id");
                }
            }
            cursor = page.path("nextCursor");
        } while (cursor != null);
        throw new AssertionError("no series " + title);
    }

    private interface Entries {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static byte[] zip(Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entries.write(zip);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** {@code count} zero bytes, the stuff of zip bombs: they deflate about a thousand to one. */
    private static void zeros(OutputStream out, long count) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (long left = count; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }
}
