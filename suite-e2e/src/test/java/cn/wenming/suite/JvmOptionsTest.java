package cn.wenming.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' JVM flags: a JVM refuses to start on a flag it does not know, so the native-heap trim depends on the version. */
class JvmOptionsTest {

    @Test
    void theNativeHeapIsTrimmedOnlyByJdksThatHaveTheFlag() {
        assertFalse(JvmOptions.trimsNativeHeap(Runtime.Version.parse("17.0.8")));
        assertTrue(JvmOptions.trimsNativeHeap(Runtime.Version.parse("17.0.9")));
        assertTrue(JvmOptions.trimsNativeHeap(Runtime.Version.parse("17.0.15+6")));
        assertFalse(JvmOptions.trimsNativeHeap(Runtime.Version.parse("19.0.2")));
        assertFalse(JvmOptions.trimsNativeHeap(Runtime.Version.parse("21")));
        assertTrue(JvmOptions.trimsNativeHeap(Runtime.Version.parse("21.0.1")));
        assertTrue(JvmOptions.trimsNativeHeap(Runtime.Version.parse("25")));
    }

    @Test
    void everyServiceGetsASmallHeapAndTheArchiveWhereItWasMade() {
        var flags = JvmOptions.jvmOptions(Runtime.Version.parse("17.0.15"));
        assertTrue(flags.containsAll(java.util.List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:ArchiveRelocationMode=0",
                "-XX:TrimNativeHeapInterval=5000")), flags.toString());
        assertEquals(flags.indexOf("-XX:+UnlockExperimentalVMOptions") + 1, flags.indexOf("-XX:TrimNativeHeapInterval=5000"),
                "unlocked right before it");
        assertFalse(JvmOptions.jvmOptions(Runtime.Version.parse("17.0.8")).contains("-XX:TrimNativeHeapInterval=5000"));
    }

    @Test
    void theFirstRunRecordsTheClassesAndLaterRunsMapThem(@TempDir Path app) throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        var jdk17 = Runtime.Version.parse("17.0.15");
        var jdk25 = Runtime.Version.parse("25.0.3");

        assertEquals("-XX:ArchiveClassesAtExit=" + app.resolve("app-cds-dynamic.jsa"), JvmOptions.classDataSharing(app, jdk17).flag());
        assertEquals("-XX:AOTCacheOutput=" + app.resolve("app.aot"), JvmOptions.classDataSharing(app, jdk25).flag());

        assertTrue(JvmOptions.classDataSharing(app, jdk17).records(), "a first run records, and is given time to write as it stops");
        Files.writeString(app.resolve("app-cds-dynamic.jsa"), "archive");
        Files.writeString(app.resolve("app.aot"), "cache");
        assertEquals("-XX:SharedArchiveFile=" + app.resolve("app-cds-dynamic.jsa"), JvmOptions.classDataSharing(app, jdk17).flag());
        assertEquals("-XX:AOTCache=" + app.resolve("app.aot"), JvmOptions.classDataSharing(app, jdk25).flag());
        assertFalse(JvmOptions.classDataSharing(app, jdk25).records());
    }

    @Test
    void anArchiveOlderThanTheJarsIsMadeAnew(@TempDir Path app) throws Exception {
        Path archive = Files.writeString(app.resolve("app.aot"), "cache");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("lib/main/a-library.jar"), "rebuilt");

        assertEquals("-XX:AOTCacheOutput=" + archive, JvmOptions.classDataSharing(app, Runtime.Version.parse("25")).flag());
        assertFalse(Files.exists(archive), "the stale cache is removed before the JVM is asked to write one");
    }
}
