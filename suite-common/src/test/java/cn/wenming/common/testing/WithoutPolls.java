package cn.wenming.common.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile with the scheduler off: no {@code @Scheduled} poll runs, so what a test sees
 * happen in the background was started by something else (a work queue woken after a commit).
 */
public class WithoutPolls implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.scheduler.enabled", "false");
    }
}
