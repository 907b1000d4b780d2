package cn.wenming.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** The problem answers and the If-Match header are documented once, by the filter, for every operation. */
class ProblemResponsesFilterTest {

    private static Operation filtered(Operation op) {
        OpenAPI doc = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/tasks/{id}", OASFactory.createPathItem().PUT(op)));
        new ProblemResponsesFilter().filterOpenAPI(doc);
        return doc.getPaths().getPathItem("/api/v1/tasks/{id}").getPUT();
    }

    private static Parameter ifMatch() {
        return OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER);
    }

    @Test
    void anOperationTakingIfMatchGetsItsTextItsExampleAndThe412() {
        Operation op = filtered(OASFactory.createOperation().addParameter(ifMatch()));
        Parameter p = op.getParameters().get(0);
        assertEquals(ProblemResponsesFilter.IF_MATCH, p.getDescription());
        assertEquals("\"0\"", p.getExample());
        var stale = op.getResponses().getAPIResponse("412");
        assertEquals("If-Match is stale", stale.getDescription());
        assertNotNull(stale.getContent().getMediaType("application/problem+json"), "the 412 carries the problem body");
    }

    @Test
    void whatAnOperationSaysItselfIsKept() {
        Operation op = filtered(OASFactory.createOperation()
                .addParameter(ifMatch().description("The honor's ETag"))
                .responses(OASFactory.createAPIResponses().addAPIResponse("412",
                        OASFactory.createAPIResponse().description("If-Match (the honor's ETag) is stale"))));
        assertEquals("The honor's ETag", op.getParameters().get(0).getDescription());
        assertEquals("If-Match (the honor's ETag) is stale", op.getResponses().getAPIResponse("412").getDescription());
    }

    @Test
    void noIfMatchNo412() {
        Operation op = filtered(OASFactory.createOperation().addParameter(
                OASFactory.createParameter().name("limit").in(Parameter.In.QUERY)));
        assertNull(op.getResponses().getAPIResponse("412"));
        assertNotNull(op.getResponses().getAPIResponse("400"));
    }
}
