package cn.wenming.common.page;

import java.util.Map;

/**
 * The HQL condition that starts a page after a cursor, for lists ordered by one key and then by
 * id: {@code order by key [desc], id}. Using it with an index on {@code (key, id)} makes a deep
 * page cost the same as the first.
 */
public final class Keyset {

    private Keyset() {
    }

    /** {@code (key > :ck or (key = :ck and id > :cid))}, with {@code <} for a descending key. */
    public static String after(String keyExpression, boolean descending) {
        String op = descending ? "<" : ">";
        return "(" + keyExpression + " " + op + " :ck or (" + keyExpression + " = :ck and id > :cid))";
    }

    /** The order clause matching {@link #after}. */
    public static String orderBy(String keyExpression, boolean descending) {
        return keyExpression + (descending ? " desc" : "") + ", id";
    }

    /** The parameters of {@link #after} for a cursor whose key was converted to the column's type. */
    public static Map<String, Object> params(Object key, Cursor cursor) {
        return Map.of("ck", key, "cid", cursor.id());
    }
}
