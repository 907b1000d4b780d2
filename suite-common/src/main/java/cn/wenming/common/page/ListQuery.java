package cn.wenming.common.page;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.wenming.common.problem.ProblemException;

/**
 * The HQL of one page of a filtered list ordered by one key and then by id: the filters that are
 * set, the condition that starts after the cursor ({@link Keyset}) and the order. Every list of
 * the suite is built with it:
 *
 * <pre>
 * var q = new ListQuery().filter("kind = :kind", "kind", kind).after(page, "name", sort.descending(), ListQuery::text);
 * Organization.find(q.hql("name", sort.descending()), q.params()).page(0, page.fetchSize()).list();
 * </pre>
 */
public final class ListQuery {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code condition}, whose named parameter is {@code param}, when {@code value} is set. */
    public ListQuery filter(String condition, String param, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(param, value);
        }
        return this;
    }

    /** Adds a condition without parameters, or with parameters given by {@link #param}. */
    public ListQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    public ListQuery param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /**
     * Starts after the page's cursor, if it has one. {@code keyType} turns the cursor's text key
     * back into the key's type ({@link #text}, {@link #instant}, {@link #date}, {@link #integer}).
     */
    public ListQuery after(PageRequest page, String keyExpression, boolean descending, Function<String, Object> keyType) {
        page.after().ifPresent(cursor -> {
            conditions.add(Keyset.after(keyExpression, descending));
            params.putAll(Keyset.params(keyType.apply(cursor.key()), cursor));
        });
        return this;
    }

    /** {@code where ... order by key [desc], id}. */
    public String hql(String keyExpression, boolean descending) {
        return (conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + " ")
                + "order by " + Keyset.orderBy(keyExpression, descending);
    }

    public Map<String, Object> params() {
        return params;
    }

    public static Object text(String key) {
        return key;
    }

    public static Object instant(String key) {
        try {
            return Instant.parse(key);
        } catch (RuntimeException e) {
            throw foreignCursor();
        }
    }

    public static Object date(String key) {
        try {
            return LocalDate.parse(key);
        } catch (RuntimeException e) {
            throw foreignCursor();
        }
    }

    public static Object integer(String key) {
        try {
            return Integer.valueOf(key);
        } catch (RuntimeException e) {
            throw foreignCursor();
        }
    }

    private static ProblemException foreignCursor() {
        return ProblemException.invalid("cursor", "不是本服务给出的游标 (not a cursor this service issued)");
    }
}
