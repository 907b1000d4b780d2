package cn.wenming.common.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.web.OfficeTime;

/**
 * The admins' filters of the trail, checked: each bad value is a 400 that names its parameter. Time
 * bounds are instants with an offset ({@code 2026-05-01T09:00:00+08:00}) or days, reckoned in
 * Asia/Shanghai ({@code from=2026-05-01} from that day's start, {@code to=2026-05-31} up to that day's
 * end); {@code from} is inclusive, {@code to} exclusive. Texts match exactly.
 */
public record AuditQuery(Instant from, Instant to, String user, String org, String resourceType, String resourceId,
        Outcome outcome, Integer status, String operation, String requestId) {

    /** No filter: the whole trail. */
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null, null, null, null);

    /** From the raw query parameters; every bad one is named in one 400. */
    public static AuditQuery parse(String from, String to, String user, String org, String resourceType, String resourceId,
            String outcome, String status, String operation, String requestId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant f = instant(from, "from", false, errors);
        Instant t = instant(to, "to", true, errors);
        if (f != null && t != null && !f.isBefore(t)) {
            errors.add(new Problem.FieldError("to", "必须晚于 from (must be after from)"));
        }
        Outcome o = null;
        if (present(outcome)) {
            try {
                o = Outcome.valueOf(outcome.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("outcome", "必须是 SUCCESS, REPLAYED, REFUSED, FAILED 之一 (must be one of these)"));
            }
        }
        Integer s = null;
        if (present(status)) {
            try {
                s = Integer.valueOf(status.trim());
            } catch (NumberFormatException e) {
                s = -1;
            }
            if (s < 100 || s > 599) {
                errors.add(new Problem.FieldError("status", "必须是 100 到 599 的 HTTP 状态码 (must be an HTTP status, 100 to 599)"));
            }
        }
        String u = text(user, "user", 200, errors);
        String g = text(org, "org", 200, errors);
        String rt = text(resourceType, "resourceType", 100, errors);
        String ri = text(resourceId, "resourceId", 200, errors);
        String op = text(operation, "operation", 200, errors);
        String rid = text(requestId, "requestId", 128, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new AuditQuery(f, t, u, g, rt, ri, o, s, op, rid);
    }

    /** {@code " where a = ? and ..."} (or nothing), its values added to {@code params} in order. */
    String where(List<Object> params) {
        List<String> conditions = new ArrayList<>();
        add(conditions, params, "recorded_at >= ?", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        add(conditions, params, "recorded_at < ?", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        add(conditions, params, "user_name = ?", user);
        add(conditions, params, "org = ?", org);
        add(conditions, params, "resource_type = ?", resourceType);
        add(conditions, params, "resource_id = ?", resourceId);
        add(conditions, params, "outcome = ?", outcome == null ? null : outcome.name());
        add(conditions, params, "status = ?", status);
        add(conditions, params, "operation = ?", operation);
        add(conditions, params, "request_id = ?", requestId);
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void add(List<String> conditions, List<Object> params, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.add(value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String text(String value, String name, int max, List<Problem.FieldError> errors) {
        if (!present(value)) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new Problem.FieldError(name, "最长 " + max + " 个字符 (at most " + max + " characters)"));
            return null;
        }
        return value.trim();
    }

    /** An instant with an offset, or a day in Asia/Shanghai: its start, or for an end bound the next day's start. */
    private static Instant instant(String value, String name, boolean end, List<Problem.FieldError> errors) {
        if (!present(value)) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(OfficeTime.ZONE).toInstant();
            } catch (DateTimeParseException notADay) {
                errors.add(new Problem.FieldError(name, "必须是带时区的时间 (2026-05-01T09:00:00+08:00) 或日期 (2026-05-01) "
                        + "(must be an instant with an offset or a date)"));
                return null;
            }
        }
    }
}
