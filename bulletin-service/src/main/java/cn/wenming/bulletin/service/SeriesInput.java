package cn.wenming.bulletin.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.bulletin.domain.SeriesKind;

/** What a client may set on a series; id, timestamps and version are the server's. */
@Schema(name = "SeriesInput", description = "A bulletin series as a client writes it")
public record SeriesInput(
        @NotBlank @Size(max = 100) @Schema(example = "首都精神文明建设情况简报") String title,
        @NotBlank @Size(max = 100) @Schema(example = "首都精神文明办") String issuingOrg,
        @NotNull @Schema(example = "REGULAR") SeriesKind kind,
        @Size(max = 50) @Schema(example = "梅雪峰") String defaultEditor,
        @Size(max = 50) @Schema(example = "田文松") String defaultReviewer,
        @Size(max = 30) @Pattern(regexp = "[0-9+()\\- ]*", message = "只能包含数字、空格和 +-() (digits, spaces and +-() only)") @Schema(example = "55569506") String phone,
        @Size(max = 30) @Pattern(regexp = "[0-9+()\\- ]*", message = "只能包含数字、空格和 +-() (digits, spaces and +-() only)") @Schema(example = "55569505") String fax,
        @Size(max = 254) @Email @Schema(example = "jswmzhxhc@163.com") String email) {
}
