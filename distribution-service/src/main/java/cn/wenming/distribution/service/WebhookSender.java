package cn.wenming.distribution.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.distribution.config.DistributionConfig;
import cn.wenming.distribution.domain.Channel;

/**
 * Sends one webhook delivery: a JSON POST with the bulletin's summary and link and the delivery
 * id, signed {@code X-Wenming-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 * Redirects are not followed; the URL passes the SSRF policy again just before the call.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    public static final String SIGNATURE = "X-Wenming-Signature";
    public static final String DELIVERY = "X-Wenming-Delivery";

    @Inject
    DistributionConfig config;

    @Inject
    WebhookUrlPolicy policy;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.webhook().timeout())
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Outcome send(DeliveryService.Claim claim) {
        var refusal = claim.url() == null ? java.util.Optional.of("没有接收地址 (no webhook URL)") : policy.refusal(claim.url());
        if (refusal.isPresent()) {
            return Outcome.failed(null, refusal.get());
        }
        String body = body(claim);
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(claim.url()))
                .timeout(config.webhook().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(DELIVERY, claim.deliveryId().toString())
                .header(SIGNATURE, signature(claim.secret(), t, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = answer.statusCode();
            return status >= 200 && status < 300 ? Outcome.accepted(status)
                    : Outcome.failed(status, "对方答复 (the receiver answered) HTTP " + status);
        } catch (HttpTimeoutException e) {
            return Outcome.failed(null, "超时 (timed out after " + config.webhook().timeout().toMillis() + " ms)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(null, "中断 (interrupted)");
        } catch (Exception e) {
            return Outcome.failed("无法送达 (not delivered)", e);
        }
    }

    /** The JSON body: what the receiver needs to show and fetch the issue, and the delivery id to de-duplicate on. */
    String body(DeliveryService.Claim c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliveryId", c.deliveryId());
        m.put("dispatchId", c.dispatch().id);
        m.put("bulletinId", c.dispatch().bulletinId);
        m.put("issueLabel", c.dispatch().issueLabel);
        m.put("title", c.dispatch().title);
        m.put("summary", c.dispatch().summary);
        m.put("link", c.dispatch().link);
        m.put("part", c.delivery().part);
        m.put("partLabel", c.delivery().part.label());
        m.put("recipient", c.delivery().organizationName);
        m.put("acknowledgeBy", c.dispatch().acknowledgeBy == null ? null : OfficeTime.of(c.dispatch().acknowledgeBy).toString());
        m.put("acknowledgeUrl", "/api/v1/deliveries/" + c.deliveryId() + "/acknowledgement");
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. */
    public static String signature(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
