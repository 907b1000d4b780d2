package cn.wenming.common.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;

class PagingRulesTest {

    @Test
    void cursorSurvivesTheRoundTripWithChineseKeys() {
        UUID id = UUID.randomUUID();
        Cursor c = new Cursor("-title", "首都精神文明建设情况简报|第17期", id);
        assertEquals(c, Cursor.decode(c.encode(), "-title"));
        assertTrue(c.encode().matches("[A-Za-z0-9_-]+"), "URL-safe without escaping");
    }

    @Test
    void cursorFromAnotherSortOrTamperedIsRefused() {
        String encoded = new Cursor("title", "a", UUID.randomUUID()).encode();
        ProblemException other = assertThrows(ProblemException.class, () -> Cursor.decode(encoded, "createdAt"));
        assertEquals("cursor", other.errors().get(0).field());
        assertThrows(ProblemException.class, () -> Cursor.decode("garbage!", "title"));
        assertThrows(ProblemException.class, () -> Cursor.decode(encoded.substring(3), "title"));
    }

    @Test
    void limitDefaultsTo20AndStaysWithin1To100() {
        assertEquals(PageRequest.DEFAULT_LIMIT, PageRequest.of(null, null, "title").limit());
        assertEquals(100, PageRequest.of("100", null, "title").limit());
        for (String bad : List.of("0", "101", "-1", "abc", "1.5")) {
            ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(bad, null, "title"), bad);
            assertEquals(ProblemType.VALIDATION, e.type());
            assertEquals("limit", e.errors().get(0).field());
        }
    }

    @Test
    void pageShowsLimitItemsAndACursorOnlyWhenMoreFollow() {
        PageRequest request = PageRequest.of("3", null, "title");
        List<UUID> rows = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
        Page<String> full = Page.of(rows, request, UUID::toString, u -> u, UUID::toString);
        assertEquals(3, full.items().size());
        Cursor next = Cursor.decode(full.nextCursor(), "title");
        assertEquals(rows.get(2), next.id(), "the cursor points at the last item shown");

        Page<String> last = Page.of(rows.subList(0, 3), request, UUID::toString, u -> u, UUID::toString);
        assertEquals(3, last.items().size());
        assertNull(last.nextCursor());
    }

    @Test
    void sortIsCheckedAgainstTheDocumentedFields() {
        Sort s = Sort.parse("-createdAt", Set.of("title", "createdAt"), "title");
        assertEquals("createdAt", s.field());
        assertTrue(s.descending());
        assertEquals("-createdAt", s.spec());
        assertFalse(Sort.parse(null, Set.of("title"), "title").descending());
        ProblemException e = assertThrows(ProblemException.class, () -> Sort.parse("password", Set.of("title"), "title"));
        assertEquals("sort", e.errors().get(0).field());
    }

    @Test
    void keysetConditionMatchesTheOrder() {
        assertEquals("(title >= :ck and (title > :ck or (title = :ck and id > :cid)))", Keyset.after("title", false));
        assertEquals("(year <= :ck and (year < :ck or (year = :ck and id > :cid)))", Keyset.after("year", true));
        assertEquals("year desc, id", Keyset.orderBy("year", true));
    }
}
