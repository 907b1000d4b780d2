package cn.wenming.distribution.service;

import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.distribution.config.DistributionConfig;
import cn.wenming.distribution.domain.Channel;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Sends one e-mail delivery through the SMTP server configured with {@code quarkus.mailer.*}: a
 * plain-text notice of the issue with its summary and link, and the delivery id in the
 * {@code X-Wenming-Delivery} header and in the text, so a recipient's mail system or clerk can
 * tell a repeat. The server's acceptance counts as SENT; 签收 is recorded by an operator.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    @Inject
    ReactiveMailer mailer;

    @Inject
    DistributionConfig config;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Outcome send(DeliveryService.Claim claim) {
        if (claim.email() == null) {
            return Outcome.failed(null, "没有邮箱地址 (no e-mail address)");
        }
        Mail mail = Mail.withText(claim.email(), subject(claim), text(claim))
                .addHeader(WebhookSender.DELIVERY, claim.deliveryId().toString());
        try {
            mailer.send(mail).await().atMost(config.email().timeout());
            return Outcome.accepted(null);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return Outcome.failed(null, "超时 (the mail server did not answer in " + config.email().timeout().toMillis() + " ms)");
        } catch (RuntimeException e) {
            return Outcome.failed("邮件未能发出 (the mail server refused or was unreachable)", e);
        }
    }

    /** 【首都精神文明建设简报】2020年第17期（总第2126期） 标题（报） */
    static String subject(DeliveryService.Claim c) {
        return "【首都精神文明建设简报】" + c.letter().issueLabel() + " " + c.letter().title() + "（" + c.part().label() + "）";
    }

    static String text(DeliveryService.Claim c) {
        DeliveryService.Letter d = c.letter();
        StringBuilder t = new StringBuilder();
        t.append(c.recipient()).append("：\n\n");
        t.append("《首都精神文明建设简报》").append(d.issueLabel()).append("已印发，").append(c.part().label()).append("贵单位。\n\n");
        t.append("标题：").append(d.title()).append('\n');
        if (d.summary() != null && !d.summary().isBlank()) {
            t.append("摘要：").append(d.summary()).append('\n');
        }
        if (d.link() != null && !d.link().isBlank()) {
            t.append("全文：").append(d.link()).append('\n');
        }
        if (d.acknowledgeBy() != null) {
            t.append("\n请于").append(DEADLINE.format(OfficeTime.of(d.acknowledgeBy()))).append("前签收。\n");
        }
        t.append("\n分发编号 (delivery id)：").append(c.deliveryId()).append('\n');
        t.append("首都精神文明建设委员会办公室\n");
        return t.toString();
    }
}
