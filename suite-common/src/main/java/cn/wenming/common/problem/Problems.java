package cn.wenming.common.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import cn.wenming.common.web.RequestIds;

/** Builds problem answers; the one place that knows their media type and fields. */
public final class Problems {

    private Problems() {
    }

    public static Problem of(ProblemType type, String detail, String instance, List<Problem.FieldError> errors) {
        return of(type, type.status(), detail, instance, errors);
    }

    /** For a status that has no type of its own (a rare 4xx): the nearest type, the real status. */
    public static Problem of(ProblemType type, int status, String detail, String instance, List<Problem.FieldError> errors) {
        return new Problem(type.uri(), type.title(), status, detail, instance, RequestIds.current(), errors);
    }

    public static Response.ResponseBuilder builder(ProblemType type, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(of(type, detail, instance, errors));
    }

    public static Response response(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return builder(type, detail, uri, errors).build();
    }
}
