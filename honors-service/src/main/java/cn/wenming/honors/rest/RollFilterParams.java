package cn.wenming.honors.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.web.Params;
import cn.wenming.honors.domain.District;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.domain.RecipientKind;
import cn.wenming.honors.service.HonorFilter;

/**
 * The filters the honor roll and the staff list share ({@code @BeanParam}), read as text so that
 * a bad value is a 400 problem naming the parameter.
 */
public class RollFilterParams {

    @QueryParam("programId")
    @Parameter(description = "Only this program", schema = @Schema(type = SchemaType.STRING, format = "uuid"),
            example = "5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12")
    public String programId;

    @QueryParam("session")
    @Parameter(description = "Only this session (第N届)", example = "7", schema = @Schema(type = SchemaType.INTEGER))
    public String session;

    @QueryParam("year")
    @Parameter(description = "Only this year", example = "2020", schema = @Schema(type = SchemaType.INTEGER))
    public String year;

    @QueryParam("category")
    @Parameter(description = "Only this category", example = "助人为乐")
    public String category;

    @QueryParam("district")
    @Parameter(description = "Only this district, one of Beijing's sixteen", example = "朝阳区")
    public String district;

    @QueryParam("recipientKind")
    @Parameter(description = "Only this kind of recipient", example = "PERSON", schema = @Schema(type = SchemaType.STRING,
            enumeration = { "PERSON", "UNIT", "STREET", "COMMUNITY", "VILLAGE", "FAMILY", "CAMPUS" }))
    public String recipientKind;

    HonorFilter toFilter() {
        return toFilter(null, null, null);
    }

    HonorFilter toFilter(HonorStatus status, UUID decisionDocumentId, LocalDate expiresBefore) {
        String d = district == null || district.isBlank() ? null : district.strip();
        if (d != null && !District.isValid(d)) {
            throw ProblemException.invalid("district", District.RULE);
        }
        return new HonorFilter(Params.uuid(programId, "programId"), Params.integer(session, "session"), Params.integer(year, "year"),
                category == null || category.isBlank() ? null : category.strip(), d,
                Params.enumValue(RecipientKind.class, recipientKind, "recipientKind"), status, decisionDocumentId, expiresBefore);
    }
}
