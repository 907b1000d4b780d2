package cn.wenming.task.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.task.domain.WorkPlan;
import cn.wenming.task.domain.WorkPlanStatus;

/** A work plan as the API shows it. */
@Schema(name = "WorkPlan")
public record WorkPlanView(
        @Schema(example = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f") UUID id,
        @Schema(example = "2020") int year,
        @Schema(example = "2020年首都精神文明建设工作") String title,
        @Schema(example = "聚焦四个方面 23项重点任务") String summary,
        @Schema(example = "ACTIVE") WorkPlanStatus status,
        @Schema(description = "The day it became ACTIVE (Asia/Shanghai)", example = "2020-04-24") LocalDate activatedOn,
        @Schema(description = "The day it was CLOSED (Asia/Shanghai)", example = "2021-01-15") LocalDate closedOn,
        @Schema(example = "2020-04-24T09:30:00+08:00") OffsetDateTime createdAt,
        @Schema(example = "2020-04-24T09:30:00+08:00") OffsetDateTime updatedAt,
        @Schema(example = "0") long version) {

    static WorkPlanView of(WorkPlan p) {
        return new WorkPlanView(p.id, p.year, p.title, p.summary, p.status, p.activatedOn, p.closedOn,
                OfficeTime.of(p.createdAt), OfficeTime.of(p.updatedAt), p.version);
    }
}
