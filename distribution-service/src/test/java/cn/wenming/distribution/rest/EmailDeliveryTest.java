package cn.wenming.distribution.rest;

import static cn.wenming.distribution.rest.DispatchDesk.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** E-mail deliveries go out through a real SMTP server (GreenMail) and are SENT once it takes them. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
@WithTestResource(SmtpTestResource.class)
class EmailDeliveryTest {

    @Test
    void anEmailRecipientGetsOneMessageWithTheIssueAndItsDeliveryId() throws Exception {
        String address = "wmb-" + UUID.randomUUID().toString().substring(0, 8) + "@wenming.local";
        String org = Fixtures.organization("{\"name\":\"%s\",\"kind\":\"PEER\",\"channel\":\"EMAIL\",\"email\":\"%s\"}"
                .formatted(Fixtures.unique("市级群众团体"), address));
        String paper = Fixtures.paperOrganization(Fixtures.unique("有关新闻单位"), "SUBORDINATE");
        String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("SEND", org), list("ISSUE", paper)), null)).path("id");
        String delivery = (String) byOrganization(deliveries(dispatch, ""), org).get("id");

        await(() -> "SENT".equals(delivery(delivery).path("status")), "the e-mail delivery is SENT");
        delivery(delivery).then().body("channel", equalTo("EMAIL")).body("attempts", equalTo(1))
                .body("attemptLog.outcome", equalTo(List.of("SENT")));

        List<MimeMessage> mine = Arrays.stream(SmtpTestResource.greenMail().getReceivedMessages())
                .filter(m -> recipients(m).contains(address)).toList();
        assertEquals(1, mine.size(), "one message to " + address);
        MimeMessage m = mine.get(0);
        assertTrue(m.getSubject().contains(DispatchDesk.LABEL) && m.getSubject().contains("（送）"), m.getSubject());
        assertEquals(delivery, m.getHeader("X-Wenming-Delivery")[0]);
        String text = GreenMailUtil.getBody(m);
        String decoded = m.getContent().toString();
        assertTrue(decoded.contains("https://wenming.local/api/v1/bulletins/") && decoded.contains(delivery) && decoded.contains("十三五"),
                "the text names the link, the summary and the delivery id: " + text);
        // paper is not e-mailed: it waits for an operator
        given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + dispatch).then()
                .body("counts.sent", equalTo(1)).body("counts.pending", equalTo(1));
        // the office records the 签收 for an e-mail recipient
        given().header("Authorization", Fixtures.as(Roles.EDITOR)).post("/api/v1/deliveries/" + delivery + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
