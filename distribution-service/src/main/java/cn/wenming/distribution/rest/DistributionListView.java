package cn.wenming.distribution.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.distribution.domain.Channel;
import cn.wenming.distribution.domain.DistributionList;
import cn.wenming.distribution.domain.Organization;
import cn.wenming.distribution.domain.OrganizationKind;
import cn.wenming.distribution.domain.Part;

/** A distribution list as the API shows it, its members named. */
@Schema(name = "DistributionList", description = "分发名单")
public record DistributionListView(
        @Schema(example = "5b1f0a9e-2c4d-4e8f-9a1b-3c5d7e9f1a2b") UUID id,
        @Schema(example = "简报常用名单·报") String name,
        @Schema(description = "REPORT 报, SEND 送, ISSUE 发", example = "REPORT") Part type,
        List<Member> members,
        @Schema(example = "2020-04-24T09:30:00+08:00") OffsetDateTime createdAt,
        @Schema(example = "2020-04-24T09:30:00+08:00") OffsetDateTime updatedAt,
        @Schema(example = "0") long version) {

    @Schema(name = "DistributionListMember", description = "名单中的单位")
    public record Member(
            @Schema(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") UUID id,
            @Schema(example = "中央文明办") String name,
            @Schema(example = "SUPERIOR") OrganizationKind kind,
            @Schema(example = "WEBHOOK") Channel channel) {
    }

    /** The list with its members, looked up in {@code organizations} (by id). */
    static DistributionListView of(DistributionList l, Map<UUID, Organization> organizations) {
        List<Member> members = l.members.stream().map(organizations::get)
                .map(o -> new Member(o.id, o.name, o.kind, o.channel)).toList();
        return new DistributionListView(l.id, l.name, l.type, members, OfficeTime.of(l.createdAt), OfficeTime.of(l.updatedAt), l.version);
    }
}
