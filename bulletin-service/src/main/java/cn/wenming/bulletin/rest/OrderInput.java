package cn.wenming.bulletin.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new order of an issue's articles: every article id, each once. */
@Schema(name = "ArticleOrder")
public record OrderInput(@NotEmpty List<@NotNull UUID> articleIds) {
}
