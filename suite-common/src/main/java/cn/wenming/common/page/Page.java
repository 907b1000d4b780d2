package cn.wenming.common.page;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": "..."}}, {@code nextCursor} absent on
 * the last page.
 */
public record Page<T>(
        List<T> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Pass as ?cursor= for the next page; absent on the last page",
                example = "WyIyMDIwIiwiMjAyMCIsIjNmMmI4YzFlLTBkNGEtNGI4ZS05YTYxLTVmMGMyZDdlOWIxMCJd")
        String nextCursor) {

    /**
     * Makes a page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if
     * present, only tells that another page follows.
     */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, Function<E, String> sortKey,
            Function<E, UUID> id, Function<E, T> toItem) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = null;
        if (more) {
            E last = shown.get(shown.size() - 1);
            next = new Cursor(request.sort(), sortKey.apply(last), id.apply(last)).encode();
        }
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }
}
