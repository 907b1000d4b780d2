package cn.wenming.common.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem: the body of every error answer of the suite, as
 * {@code application/problem+json}. {@code requestId} ties it to the logs; {@code errors} lists
 * each invalid field of a request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details: the body of every error answer")
public record Problem(
        @Schema(description = "Stable URI naming the kind of problem", example = "urn:wenming:problem:validation") String type,
        @Schema(description = "Short summary of the kind of problem", example = "请求内容无效 (invalid request)") String title,
        @Schema(description = "HTTP status code", example = "400") int status,
        @Schema(description = "What went wrong with this request", example = "title: 不能为空") String detail,
        @Schema(description = "The request path", example = "/api/v1/bulletin-series") String instance,
        @Schema(description = "The request id, as in X-Request-Id and the logs", example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") String requestId,
        @Schema(description = "One entry per invalid field") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON path (dots and [index]) and what is wrong with it. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "title") String field,
            @Schema(example = "不能为空 (must not be blank)") String message) {
    }
}
