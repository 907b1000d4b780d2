package cn.wenming.distribution.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.distribution.config.DistributionConfig;
import cn.wenming.distribution.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one webhook delivery: a JSON POST with the bulletin's summary and link and the delivery
 * id, signed {@code X-Wenming-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 * Redirects are not followed; the URL passes the SSRF policy again just before the call, and the
 * call connects to the very address the policy checked. The secret is decrypted here, for the
 * signature, and nowhere else; at most {@code DISTRIBUTION_WEBHOOK_MAX_ANSWER_BYTES} of the answer are read.
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

    @Inject
    Vertx vertx;

    @Inject
    WebhookSecrets secrets;

    private HttpClient http;

    @PostConstruct
    void init() {
        int timeout = (int) config.webhook().timeout().toMillis();
        http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxPoolSize(Math.max(4, config.delivery().concurrency()))
                .setVerifyHost(true)
                .setForceSni(true));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Outcome send(DeliveryService.Claim claim) {
        if (claim.url() == null) {
            return Outcome.failed(null, "没有接收地址 (no webhook URL)");
        }
        WebhookUrlPolicy.Decision decision = policy.decide(claim.url());
        if (!decision.allowed()) {
            return Outcome.failed(null, decision.refusal());
        }
        String secret;
        try {
            secret = secrets.open(claim.secret());
        } catch (KeyRing.Unreadable e) {
            return Outcome.failed(null, "签名密钥无法解密 (the webhook secret cannot be decrypted): " + e.getMessage());
        }
        String body = body(claim);
        long t = clock.instant().getEpochSecond();
        URI uri = decision.uri();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        long timeout = config.webhook().timeout().toMillis();
        int maxAnswer = Math.max(0, config.webhook().maxAnswerBytes());
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(uri.toString())
                // connect to the address the policy checked; the URL's host names it for TLS (SNI,
                // certificate) and the Host header only: no second resolution, no DNS rebinding
                .setServer(SocketAddress.inetSocketAddress(port, decision.address().getHostAddress()))
                .setFollowRedirects(false)
                .setIdleTimeout(timeout)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader(DELIVERY, claim.deliveryId().toString())
                .putHeader(SIGNATURE, signature(secret, t, body));
        AtomicReference<HttpClientRequest> open = new AtomicReference<>();
        try {
            Answer answer = post(request, body, open)
                    // a kept-alive connection the receiver closed just as it was taken from the pool ends
                    // the call before any answer: once, at once, on a fresh connection (the delivery id
                    // lets a receiver that did get the first one see the second as the same delivery)
                    .recover(e -> e instanceof HttpClosedException ? post(request, body, open) : Future.failedFuture(e))
                    .compose(response -> readAtMost(response, maxAnswer))
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout + 1000, TimeUnit.MILLISECONDS);
            int status = answer.status();
            return status >= 200 && status < 300 ? Outcome.accepted(status)
                    : Outcome.failed(status, "对方答复 (the receiver answered) HTTP " + status + answer.excerpt(maxAnswer));
        } catch (TimeoutException e) {
            stop(open.get()); // a receiver that still sends (slowly) is cut off: nothing more is read
            return timedOut();
        } catch (InterruptedException e) {
            stop(open.get());
            Thread.currentThread().interrupt();
            return Outcome.failed(null, "中断 (interrupted)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException
                    || String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
                return timedOut();
            }
            return Outcome.failed("无法送达 (not delivered)", cause);
        }
    }

    /** Sends the POST; done when the answer's head has come (its body is read by {@link #readAtMost}). */
    private Future<HttpClientResponse> post(RequestOptions request, String body, AtomicReference<HttpClientRequest> open) {
        return http.request(request).compose(r -> {
            open.set(r);
            return r.send(Buffer.buffer(body, "UTF-8"));
        });
    }

    /** A receiver's answer: its status, the first bytes of its body, and whether the body went on beyond them. */
    record Answer(int status, Buffer start, boolean cut) {

        /** What the attempt records of a refusal: a short, printable excerpt, and that the rest was not read. */
        String excerpt(int maxAnswer) {
            String text = start.toString(StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
            if (text.length() > EXCERPT_CHARS) {
                text = text.substring(0, EXCERPT_CHARS) + "…";
            }
            return (text.isEmpty() ? "" : ": " + text) + (cut ? " (答复过长，只读了前 " + maxAnswer + " 字节 the answer was cut at " + maxAnswer + " bytes)" : "");
        }
    }

    /** Characters of a refusal's body kept with the attempt (the attempt's error holds 500). */
    static final int EXCERPT_CHARS = 200;

    /**
     * Reads at most {@code max} bytes of the answer's body: once more arrive, the answer is complete
     * with what came, and the request is reset, which closes the connection (HTTP/1.1 has no other
     * way to stop a body), so a receiver that sends a huge or endless body holds neither the sender
     * nor its memory. Vert.x's {@code body()} would gather all of it.
     */
    static Future<Answer> readAtMost(HttpClientResponse response, int max) {
        Promise<Answer> done = Promise.promise();
        Buffer start = Buffer.buffer(Math.min(max, 1024));
        response.exceptionHandler(done::tryFail);
        response.handler(chunk -> {
            if (done.future().isComplete()) {
                return;
            }
            int room = max - start.length();
            if (chunk.length() <= room) {
                start.appendBuffer(chunk);
                return;
            }
            start.appendBuffer(chunk, 0, room);
            done.tryComplete(new Answer(response.statusCode(), start, true));
            response.request().reset();
        });
        response.endHandler(ignored -> done.tryComplete(new Answer(response.statusCode(), start, false)));
        return done.future();
    }

    /** Stops a call in flight (closes its connection); nothing when none was made. */
    private static void stop(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    private Outcome timedOut() {
        return Outcome.failed(null, "超时 (timed out after " + config.webhook().timeout().toMillis() + " ms)");
    }

    /** The JSON body: what the receiver needs to show and fetch the issue, and the delivery id to de-duplicate on. */
    String body(DeliveryService.Claim c) {
        DeliveryService.Letter letter = c.letter();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliveryId", c.deliveryId());
        m.put("dispatchId", letter.dispatchId());
        m.put("bulletinId", letter.bulletinId());
        m.put("issueLabel", letter.issueLabel());
        m.put("title", letter.title());
        m.put("summary", letter.summary());
        m.put("link", letter.link());
        m.put("part", c.part());
        m.put("partLabel", c.part().label());
        m.put("recipient", c.recipient());
        m.put("acknowledgeBy", letter.acknowledgeBy() == null ? null : OfficeTime.of(letter.acknowledgeBy()).toString());
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
