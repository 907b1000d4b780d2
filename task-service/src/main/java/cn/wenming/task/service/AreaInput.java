package cn.wenming.task.service;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An area (方面) as an editor writes it; its place (第一…) is the server's unless {@code position} asks for one. */
@Schema(name = "AreaInput")
public record AreaInput(
        @NotBlank @Size(max = 200) @Schema(example = "深入推进新时代公民道德建设工程") String title,
        @Size(max = 2000) @Schema(example = "围绕培育和践行社会主义核心价值观,以道德典型选树学习宣传为重点,不断完善选树机制,进一步推动形成崇德向善、见贤思齐的浓厚社会氛围。")
        String description,
        @Min(1) @Schema(description = "DRAFT only: the place (1 = 第一) to insert the area at, or on an edit to move it to; "
                + "the areas from there on move down. Default: last, or where it is", example = "1") Integer position) {
}
