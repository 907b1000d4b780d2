package cn.wenming.distribution.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.distribution.domain.Channel;
import cn.wenming.distribution.domain.OrganizationKind;

/** What a client may set on an organization; id, timestamps and version are the server's. */
@Schema(name = "OrganizationInput", description = "收文单位（或收文单位组）as a client writes it")
public record OrganizationInput(
        @NotBlank @Size(max = 100) @Schema(description = "名称，唯一 (unique name)", example = "中央文明办") String name,
        @Size(max = 30) @Schema(description = "简称 (short name)", example = "中央文明办") String shortName,
        @NotNull @Schema(description = "SUPERIOR 上级（报）, PEER 平级（送）, SUBORDINATE 下级（发）", example = "SUPERIOR") OrganizationKind kind,
        @Size(max = 50) @Schema(description = "联系人 (contact person)", example = "梅雪峰") String contactPerson,
        @Size(max = 30) @Pattern(regexp = "[0-9+()\\- ]*", message = "只能包含数字、空格和 +-() (digits, spaces and +-() only)")
        @Schema(description = "联系电话 (contact phone)", example = "010-55569506") String contactPhone,
        @Schema(description = "分发渠道 (delivery channel): WEBHOOK 对方系统接口, EMAIL 电子邮件, PAPER 纸质（默认）", example = "WEBHOOK")
        Channel channel,
        @Size(max = 500) @Schema(description = "对方系统接收地址 (webhook URL): https, or http only to hosts an admin allowed; "
                + "no loopback, link-local or private addresses, nor IPv6 forms that carry one (IPv4-mapped, -compatible, "
                + "-translated, NAT64, 6to4, Teredo); an IPv4 host only as a.b.c.d in decimal", example = "https://oa.wenming.gov.cn/api/bulletins/inbox") String webhookUrl,
        @Size(min = 16, max = 200) @Schema(description = "签名密钥 (shared secret, 16–200 characters), write-only: never shown again, "
                + "stored encrypted; left out on PUT it keeps the stored one", example = "s3cr3t-中央文明办-2020-key") String webhookSecret,
        @Email @Size(max = 200) @Schema(description = "电子邮箱 (e-mail address)", example = "wmb@bjwmb.gov.cn") String email) {

    /** The input without channels (the seed's recipient groups). */
    public static OrganizationInput of(String name, OrganizationKind kind) {
        return new OrganizationInput(name, null, kind, null, null, null, null, null, null);
    }
}
