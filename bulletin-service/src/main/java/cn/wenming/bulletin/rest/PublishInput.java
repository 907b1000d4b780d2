package cn.wenming.bulletin.rest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Future;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Publish now (no body, or no publishAt), or schedule for a future instant. */
@Schema(name = "PublishInput")
public record PublishInput(
        @Future @Schema(description = "When to publish; absent for now", example = "2020-04-24T09:00:00+08:00") OffsetDateTime publishAt) {
}
