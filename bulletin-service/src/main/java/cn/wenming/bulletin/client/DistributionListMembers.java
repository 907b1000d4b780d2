package cn.wenming.bulletin.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of a distribution-service list that bulletin-service renders: its type and its members' names in order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DistributionListMembers(String name, String type, List<Member> members) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String name) {
    }
}
