package cn.wenming.honors.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a decision document moved at once: the document after it, and the honors it moved. */
@Schema(name = "ConferralResult")
public record ConferralResult(
        DecisionDocumentView decisionDocument,
        @Schema(description = "The honors that moved, in the order of their recipients' names",
                example = "[\"2b7d9e14-3c5a-4f81-9d6e-0a1b2c3d4e5f\"]") List<UUID> honorIds) {
}
