package cn.wenming.honors.service;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An objection (异议) received during publicity. */
@Schema(name = "ObjectionInput")
public record ObjectionInput(
        @Size(max = 100) @Schema(description = "Who raised it; absent for an anonymous objection (匿名)", example = "李建国") String objector,
        @Size(max = 100) @Schema(description = "How to reach the objector", example = "13800000000") String objectorContact,
        @NotBlank @Size(max = 2000) @Schema(example = "反映被提名人所述志愿服务时长与实际不符") String content,
        @Schema(description = "When it was received (Asia/Shanghai); today when absent; within the publicity window", example = "2020-03-23")
        LocalDate receivedOn) {
}
