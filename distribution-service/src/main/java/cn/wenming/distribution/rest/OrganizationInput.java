package cn.wenming.distribution.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.distribution.domain.OrganizationKind;

/** What a client may set on an organization; id, timestamps and version are the server's. */
@Schema(name = "OrganizationInput", description = "收文单位（或收文单位组）as a client writes it")
public record OrganizationInput(
        @NotBlank @Size(max = 100) @Schema(description = "名称，唯一 (unique name)", example = "中央文明办") String name,
        @Size(max = 30) @Schema(description = "简称 (short name)", example = "中央文明办") String shortName,
        @NotNull @Schema(description = "SUPERIOR 上级（报）, PEER 平级（送）, SUBORDINATE 下级（发）", example = "SUPERIOR") OrganizationKind kind,
        @Size(max = 50) @Schema(description = "联系人 (contact person)", example = "梅雪峰") String contactPerson,
        @Size(max = 30) @Pattern(regexp = "[0-9+()\\- ]*", message = "只能包含数字、空格和 +-() (digits, spaces and +-() only)")
        @Schema(description = "联系电话 (contact phone)", example = "010-55569506") String contactPhone) {
}
