package cn.wenming.task.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.web.Params;
import cn.wenming.task.service.WorkPlanInput;

/**
 * Inputs that suite-common's {@link Params} does not read: a text body in the charset its
 * Content-Type names (UTF-8 by default), a yes/no query parameter, a year.
 */
final class Inputs {

    private Inputs() {
    }

    /** The body as text; bytes that are not valid in its charset are a 400, an unknown charset a 415. */
    static String text(byte[] body, MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        Charset charset;
        try {
            charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "不支持的字符集 " + name + " (unsupported charset; use UTF-8)");
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "请求体不是有效的 " + charset.name() + " 文本 (the body is not valid "
                    + charset.name() + " text)");
        }
    }

    /** {@code true} or {@code false} (any case); absent is {@code false}; anything else a 400 naming the parameter. */
    static boolean flag(String value, String name) {
        Boolean b = optionalFlag(value, name);
        return b != null && b;
    }

    /** {@code true}, {@code false} (any case), or null when absent; anything else a 400 naming the parameter. */
    static Boolean optionalFlag(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "必须是 true 或 false (must be true or false)");
        };
    }

    /** A year 2000..2100, or null when absent; anything else a 400 naming the parameter. */
    static Integer year(String value, String name) {
        Integer year = Params.integer(value, name);
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.invalid(name, WorkPlanInput.YEAR_RANGE);
        }
        return year;
    }
}
