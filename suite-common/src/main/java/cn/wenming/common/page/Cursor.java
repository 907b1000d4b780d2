package cn.wenming.common.page;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.problem.ProblemException;

/**
 * Where a page ends: the sort it was taken under, the sort key of the last item and its id. Opaque
 * to clients (base64url of a small JSON array); a cursor from another sort, or one that was
 * tampered with, is a 400.
 */
public record Cursor(String sort, String key, UUID id) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        try {
            byte[] raw = JSON.writeValueAsBytes(List.of(sort, key == null ? "" : key, id.toString()));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        } catch (Exception e) {
            throw new IllegalStateException("cursor cannot be written", e);
        }
    }

    /** Reads a client's cursor; it must have been made under {@code expectedSort}. */
    public static Cursor decode(String text, String expectedSort) {
        Cursor cursor;
        try {
            List<?> parts = JSON.readValue(Base64.getUrlDecoder().decode(text), List.class);
            if (parts.size() != 3) {
                throw new IllegalArgumentException("wrong arity");
            }
            cursor = new Cursor((String) parts.get(0), (String) parts.get(1), UUID.fromString((String) parts.get(2)));
        } catch (Exception e) {
            throw ProblemException.invalid("cursor", "不是本服务给出的游标 (not a cursor this service issued)");
        }
        if (!cursor.sort().equals(expectedSort)) {
            throw ProblemException.invalid("cursor", "游标属于另一种排序 (the cursor was issued for sort " + cursor.sort() + ")");
        }
        return cursor;
    }
}
