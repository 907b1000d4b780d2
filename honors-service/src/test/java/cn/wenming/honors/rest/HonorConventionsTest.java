package cn.wenming.honors.rest;

import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.ConventionsContract;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The API conventions on honors: each new item is a 第七届 nomination in a program made for this class. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class HonorConventionsTest extends ConventionsContract {

    HonorConventionsTest() {
        super(Office.HONORS, Roles.EDITOR, Roles.READER, "recipient.name");
    }

    private static String program;

    @Override
    protected String newItemJson() {
        synchronized (HonorConventionsTest.class) {
            if (program == null) {
                program = new Office().moralModelProgram();
            }
        }
        return """
                {"programId":"%s","session":7,"year":2020,"category":"助人为乐",\
                "recipient":{"kind":"PERSON","name":"张秀英%s","gender":"FEMALE","workUnit":"樱花园社区居委会"},\
                "district":"朝阳区","citation":"十余年如一日照料社区孤寡老人。"}""".formatted(program, UUID.randomUUID());
    }
}
