package cn.wenming.bulletin.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The articles between masthead and foot: a title block, then paragraphs until the source mark
 * ({@code (本刊)}) closes the article, at the end of a paragraph or alone. A paragraph that does not end a
 * sentence continues in the next block (a PDF split it); an article without a source mark ends where a
 * block that looks like a title follows a finished paragraph. What cannot be placed is a warning.
 */
final class ArticleReader {

    private static final Pattern SOURCE_AT_END = Pattern.compile("^(.*?[。！？!?；;…”’」』]?)\\s*[（(]\\s*([^()（）]{1,20}?)\\s*[)）]$", Pattern.DOTALL);
    private static final int TITLE_MAX = 80;

    private final List<String> body;
    private final List<String> warnings;
    private final List<ParsedBulletin.Article> articles = new ArrayList<>();
    private String title;
    private List<String> paragraphs = new ArrayList<>();
    /** A paragraph that has not ended yet. */
    private String pending;
    private boolean expectTitle = true;

    private ArticleReader(List<String> body, List<String> warnings) {
        this.body = body;
        this.warnings = warnings;
    }

    /** The articles of {@code body}, the blocks between masthead and foot. */
    static List<ParsedBulletin.Article> read(List<String> body, List<String> warnings) {
        ArticleReader reader = new ArticleReader(body, warnings);
        for (int k = 0; k < body.size(); k++) {
            reader.next(k);
        }
        reader.finish();
        return reader.articles;
    }

    private void next(int k) {
        String b = body.get(k);
        if (expectTitle) {
            startArticle(b);
            return;
        }
        if (pending == null && title != null && !paragraphs.isEmpty() && looksLikeTitle(b, k)
                && PdfText.endsSentence(paragraphs.get(paragraphs.size() - 1))) {
            // an article without a source mark: the previous one ends here
            warnings.add("第" + (articles.size() + 1) + "篇文章没有来源标注，按标题格式分篇 (article "
                    + (articles.size() + 1) + " has no source mark; split at the next title)");
            articles.add(article(null));
            startArticle(b);
            return;
        }
        String text = pending == null ? b : PdfText.join(pending, b);
        pending = null;
        Matcher source = SOURCE_AT_END.matcher(text);
        if (source.matches() && (source.group(1).isEmpty() || PdfText.endsSentence(source.group(1)))) {
            closeWithSource(source.group(1), source.group(2).strip());
        } else if (PdfText.endsSentence(text)) {
            paragraphs.add(PdfText.prose(text));
        } else {
            pending = text;
        }
    }

    private void startArticle(String b) {
        title = b;
        paragraphs = new ArrayList<>();
        expectTitle = false;
    }

    /** The source mark ends the article: the text before it, if any, is its last paragraph. */
    private void closeWithSource(String lastParagraph, String source) {
        if (!lastParagraph.isBlank()) {
            paragraphs.add(PdfText.prose(lastParagraph));
        }
        if (paragraphs.isEmpty()) {
            warnings.add("文章没有正文 (an article without paragraphs): " + title);
        }
        articles.add(article(source));
        expectTitle = true;
    }

    /** After the last block: an unfinished paragraph and an article without a source mark are kept, with warnings. */
    private void finish() {
        if (pending != null) {
            warnings.add("最后一段没有结束标点 (the last paragraph has no closing punctuation): " + abbreviate(pending));
            paragraphs.add(PdfText.prose(pending));
        }
        if (!expectTitle && title != null) {
            if (paragraphs.isEmpty()) {
                warnings.add("正文之后的一行无法归入文章 (a line after the articles could not be placed): " + title);
            } else {
                warnings.add("第" + (articles.size() + 1) + "篇文章没有来源标注 (article " + (articles.size() + 1) + " has no source mark)");
                articles.add(article(null));
            }
        }
    }

    private ParsedBulletin.Article article(String source) {
        return new ParsedBulletin.Article(articles.size() + 1, title, source, List.copyOf(paragraphs), paragraphs.size());
    }

    /** A short block with no sentence punctuation at all, followed by more text: a title. */
    private boolean looksLikeTitle(String b, int k) {
        return b.length() <= TITLE_MAX && b.chars().noneMatch(c -> PdfText.SENTENCE_END.indexOf(c) >= 0) && k + 1 < body.size();
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }
}
