package cn.wenming.common.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import cn.wenming.common.problem.ProblemException;

/**
 * Query parameters read as text and converted here, so that a bad value is a 400 problem naming
 * the parameter (JAX-RS itself answers a bare 404 when a typed query parameter does not convert).
 */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "必须是 " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
                    + " 之一 (must be one of these)");
        }
    }

    public static Integer integer(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "必须是整数 (must be an integer)");
        }
    }

    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "必须是 YYYY-MM-DD 格式的日期 (must be a date YYYY-MM-DD)");
        }
    }

    public static UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "必须是 UUID (must be a UUID)");
        }
    }
}
