package cn.wenming.distribution.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.distribution.domain.Channel;
import cn.wenming.distribution.domain.Organization;
import cn.wenming.distribution.domain.OrganizationKind;

/** An organization as the API shows it: the webhook secret is never shown, only whether one is set. */
@Schema(name = "Organization", description = "收文单位（或收文单位组）")
public record OrganizationView(
        @Schema(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") UUID id,
        @Schema(example = "中央文明办") String name,
        @Schema(example = "中央文明办") String shortName,
        @Schema(description = "SUPERIOR 上级（报）, PEER 平级（送）, SUBORDINATE 下级（发）", example = "SUPERIOR") OrganizationKind kind,
        @Schema(example = "梅雪峰") String contactPerson,
        @Schema(example = "010-55569506") String contactPhone,
        @Schema(description = "WEBHOOK, EMAIL or PAPER", example = "WEBHOOK") Channel channel,
        @Schema(example = "https://oa.wenming.gov.cn/api/bulletins/inbox") String webhookUrl,
        @Schema(description = "是否已设置签名密钥 (whether a webhook secret is stored; the secret itself is never shown)", example = "true")
        boolean webhookSecretSet,
        @Schema(example = "wmb@bjwmb.gov.cn") String email,
        @Schema(example = "2020-04-24T09:30:00+08:00") OffsetDateTime createdAt,
        @Schema(example = "2020-04-24T09:30:00+08:00") OffsetDateTime updatedAt,
        @Schema(example = "0") long version) {

    static OrganizationView of(Organization o) {
        return new OrganizationView(o.id, o.name, o.shortName, o.kind, o.contactPerson, o.contactPhone, o.channel,
                o.webhookUrl, o.hasWebhookSecret(), o.email, OfficeTime.of(o.createdAt), OfficeTime.of(o.updatedAt), o.version);
    }
}
