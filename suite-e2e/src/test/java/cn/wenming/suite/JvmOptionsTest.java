package cn.wenming.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The services' JVM flags: a JVM refuses to start on a flag it does not know, so the native-heap trim depends on the version. */
class JvmOptionsTest {

    @Test
    void theNativeHeapIsTrimmedOnlyByJdksThatHaveTheFlag() {
        assertFalse(Suite.trimsNativeHeap(Runtime.Version.parse("17.0.8")));
        assertTrue(Suite.trimsNativeHeap(Runtime.Version.parse("17.0.9")));
        assertTrue(Suite.trimsNativeHeap(Runtime.Version.parse("17.0.15+6")));
        assertFalse(Suite.trimsNativeHeap(Runtime.Version.parse("19.0.2")));
        assertFalse(Suite.trimsNativeHeap(Runtime.Version.parse("21")));
        assertTrue(Suite.trimsNativeHeap(Runtime.Version.parse("21.0.1")));
        assertTrue(Suite.trimsNativeHeap(Runtime.Version.parse("25")));
    }

    @Test
    void everyServiceGetsASmallHeapAndTheArchiveWhereItWasMade() {
        var flags = Suite.jvmOptions(Runtime.Version.parse("17.0.15"));
        assertTrue(flags.containsAll(java.util.List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:ArchiveRelocationMode=0",
                "-XX:TrimNativeHeapInterval=5000")), flags.toString());
        assertEquals(flags.indexOf("-XX:+UnlockExperimentalVMOptions") + 1, flags.indexOf("-XX:TrimNativeHeapInterval=5000"),
                "unlocked right before it");
        assertFalse(Suite.jvmOptions(Runtime.Version.parse("17.0.8")).contains("-XX:TrimNativeHeapInterval=5000"));
    }
}
