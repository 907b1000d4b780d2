package cn.wenming.bulletin.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.bulletin.domain.DistributionPart;
import cn.wenming.bulletin.domain.SeriesKind;
import cn.wenming.bulletin.parse.BulletinText;
import cn.wenming.bulletin.parse.ParsedBulletin;
import cn.wenming.common.problem.ProblemException;

/**
 * Back issues from their text: read ({@link BulletinText}), and when asked, stored as a
 * historical (published, with its printed numbers) or draft issue of the series its masthead
 * names (made when missing, with the contacts of the text). One text, one transaction: nothing
 * half-imported is left.
 */
@ApplicationScoped
public class ImportService {

    /** A reading, and the issue stored from it (null for a preview). */
    public record Imported(BulletinText.Reading reading, Bulletin stored) {
    }

    @Inject
    BulletinService bulletins;

    @Inject
    SeriesService series;

    @Inject
    Validator validator;

    public Imported preview(String text) {
        return new Imported(BulletinText.parse(text), null);
    }

    @Transactional
    public Imported store(String text, boolean asDraft, String actor) {
        BulletinText.Reading reading = BulletinText.parse(text);
        ParsedBulletin p = reading.bulletin();
        BulletinSeries s = seriesOf(p);
        List<ArticleInput> articles = p.articles().stream()
                .map(a -> new ArticleInput(a.title(), a.source(), a.paragraphs(), List.of(), List.of())).toList();
        Map<DistributionPart, List<String>> distribution = p.distribution();
        if (asDraft) {
            return new Imported(reading, bulletins.create(valid(new BulletinInput(s.id, p.issueDate(), p.editor(), p.reviewer(),
                    p.printRun(), articles, distribution, Map.of(), p.additions())), actor));
        }
        if (p.cumulativeNo() == null) {
            throw ProblemException.invalid("cumulativeNo", "往期简报需要“(总第N期)”；没有时请用 ?as=draft 导入为草稿 "
                    + "(a back issue needs its cumulative number; import as a draft instead)");
        }
        return new Imported(reading, bulletins.createHistorical(valid(new HistoricalInput(s.id, p.issueNo(), p.cumulativeNo(),
                p.issueDate(), p.editor(), p.reviewer(), p.printRun(), articles, distribution, Map.of(), p.additions())), actor));
    }

    private BulletinSeries seriesOf(ParsedBulletin p) {
        String title = p.series().title();
        var existing = BulletinSeries.<BulletinSeries>find("title", title).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var contact = p.contact();
        return series.create(valid(new SeriesInput(title, p.series().issuingOrg() == null ? "首都精神文明办" : p.series().issuingOrg(),
                title.contains("增刊") ? SeriesKind.SUPPLEMENT : SeriesKind.REGULAR, p.editor(), p.reviewer(),
                contact == null ? null : contact.phone(), contact == null ? null : contact.fax(),
                contact == null ? null : contact.email())));
    }

    /** The imported content meets the same rules as typed-in content. */
    private <T> T valid(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(new java.util.HashSet<>(new ArrayList<>(violations)));
        }
        return input;
    }
}
