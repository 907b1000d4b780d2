package cn.wenming.bulletin.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.wenming.bulletin.parse.ParsedBulletin;

/** The reading of one text, what could not be placed, and the stored issue's id when committed. */
@Schema(name = "ImportResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(ParsedBulletin bulletin, List<String> warnings, UUID id) {
}
