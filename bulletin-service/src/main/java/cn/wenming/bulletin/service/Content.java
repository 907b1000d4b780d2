package cn.wenming.bulletin.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.wenming.bulletin.domain.Article;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.DistributionPart;

/** What an editor writes ({@link BulletinInput}, {@link ArticleInput}), put onto the issue and its articles. */
final class Content {

    private Content() {
    }

    static void apply(Bulletin b, BulletinInput in) {
        b.issueDate = in.issueDate();
        b.editor = in.editor();
        b.reviewer = in.reviewer();
        b.printRun = in.printRun();
        b.distribution = parts(in.distribution());
        b.distributionLists = parts(in.distributionLists());
        b.additions = in.additions() == null ? new ArrayList<>() : new ArrayList<>(in.additions());
        // articles keep their ids by position, so an edit of the whole issue does not renew them
        List<ArticleInput> wanted = in.articles() == null ? List.of() : in.articles();
        while (b.articles.size() > wanted.size()) {
            b.articles.remove(b.articles.size() - 1);
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (i < b.articles.size()) {
                fill(b.articles.get(i), wanted.get(i));
            } else {
                b.articles.add(article(b, wanted.get(i)));
            }
        }
        b.renumberArticles();
    }

    static void fill(Article a, ArticleInput in) {
        a.title = in.title().strip();
        a.source = in.source();
        a.paragraphs = new ArrayList<>(in.paragraphs());
        a.taskIds = new ArrayList<>(in.taskIdsOrEmpty());
        a.honorIds = new ArrayList<>(in.honorIdsOrEmpty());
    }

    private static <T> Map<DistributionPart, List<T>> parts(Map<DistributionPart, List<T>> in) {
        Map<DistributionPart, List<T>> out = new EnumMap<>(DistributionPart.class);
        if (in != null) {
            in.forEach((part, values) -> out.put(part, values == null ? List.of() : List.copyOf(values)));
        }
        return out;
    }

    static Article article(Bulletin b, ArticleInput in) {
        Article a = new Article();
        a.id = UUID.randomUUID();
        a.bulletin = b;
        fill(a, in);
        return a;
    }
}
