package cn.wenming.bulletin.client;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of a distribution-service list that bulletin-service renders: its type and its members' names in order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DistributionListMembers(UUID id, String name, String type, List<Member> members) {

    /** A page of lists as distribution-service answers it (only the items are read). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<DistributionListMembers> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String name) {
    }
}
