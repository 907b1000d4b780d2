package cn.wenming.common.page;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters of every list ({@code @BeanParam PageParams page}). They are read as
 * text so that a bad value is a 400 problem that names the parameter, not JAX-RS's bare 404.
 */
public class PageParams {

    @QueryParam("limit")
    @Parameter(description = "Items per page, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page")
    public String cursor;

    public PageRequest toRequest(String sort) {
        return PageRequest.of(limit, cursor, sort);
    }
}
