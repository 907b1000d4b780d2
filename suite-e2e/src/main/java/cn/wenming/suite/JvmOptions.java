package cn.wenming.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/** How the launcher runs a service's JVM: its flags and its archive of classes. */
final class JvmOptions {

    private JvmOptions() {
    }

    /**
     * The JVM flags of every service, each measured in bench/RESULTS.md (scenario 6):
     * <ul>
     * <li>a small initial heap (-Xms): the JVM's default is 1/64 of the machine's memory, all of it
     * touched by the young generation before the first collection; the serial collector suits a
     * small heap and a container of one or two cores; after a collection the heap keeps 20-40 % free
     * instead of the default 40-70 %, so it grows less beyond what is live;</li>
     * <li>{@code ArchiveRelocationMode=0}: the AppCDS archive ({@link #classDataSharing}) is mapped at
     * the address it was made for, not relocated to a random one (this JDK's default): its pages
     * then stay clean file pages instead of private copies (31 instead of 64 MB dirty);</li>
     * <li>{@code TrimNativeHeapInterval}: every 5 s the C library gives back the memory the JIT
     * compilers and others have freed (about 35 MB of RSS after a load; JDK 17.0.9 and later, see
     * {@link #trimsNativeHeap}).</li>
     * </ul>
     */
    static final List<String> JVM_OPTIONS = jvmOptions(Runtime.version());

    /**
     * Flags added for one run (system property {@code suite.jvm-options.extra}, separated by spaces):
     * the benchmark's smoke run uses {@code -XX:TieredStopAtLevel=1}, a third less CPU to start,
     * where no figure counts.
     */
    static final List<String> EXTRA_JVM_OPTIONS = List.of(System.getProperty("suite.jvm-options.extra", "").trim().split("\\s+"))
            .stream().filter(f -> !f.isEmpty()).toList();

    static List<String> jvmOptions(Runtime.Version jdk) {
        List<String> flags = new ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20",
                "-XX:MaxHeapFreeRatio=40", "-Dfile.encoding=UTF-8",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
        if (trimsNativeHeap(jdk)) {
            flags.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000"));
        }
        return List.copyOf(flags);
    }

    /** The flag came with 17.0.9 (experimental there and in 21; a JVM refuses to start on a flag it does not know). */
    static boolean trimsNativeHeap(Runtime.Version jdk) {
        return switch (jdk.feature()) {
            case 17 -> jdk.update() >= 9;
            case 18, 19, 20 -> false;
            case 21 -> jdk.update() >= 1;
            default -> jdk.feature() > 21;
        };
    }

    /** The JVM flag for a service's archive of classes, and whether it makes one (written as the JVM ends). */
    record ClassArchive(String flag, boolean records) {
    }

    /**
     * The classes a service loaded in its first run, kept next to its jar when that run ends and
     * mapped by every later start instead of being read, verified and linked again:
     * <ul>
     * <li>on JDK 25 and later an AOT cache ({@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}):
     * classes loaded and linked, with the first run's method profiles, so the JIT compiles the
     * right methods sooner;</li>
     * <li>before that an AppCDS archive ({@code -XX:ArchiveClassesAtExit}, then
     * {@code -XX:SharedArchiveFile}).</li>
     * </ul>
     * Both need the services packaged as {@code aot-jar} (every jar on the JVM's class path, see
     * suite-common's configuration): classes of Quarkus's own class loader were left out of the
     * archive ("not linked"). A file older than the service's jars is made anew (the JVM would
     * refuse it anyway). Measured in bench/RESULTS.md, scenario 6.
     */
    static ClassArchive classDataSharing(Path app, Runtime.Version jdk) {
        boolean aotCache = makesAotCache(jdk);
        Path archive = archive(app, jdk);
        try {
            if (Files.isRegularFile(archive)) {
                var made = Files.getLastModifiedTime(archive);
                try (var jars = Files.walk(app)) {
                    if (jars.filter(f -> f.toString().endsWith(".jar")).noneMatch(f -> modifiedAfter(f, made))) {
                        return new ClassArchive((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive, false);
                    }
                }
                Files.delete(archive);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + app, e);
        }
        return new ClassArchive((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive, true);
    }

    /** {@code -XX:AOTCacheOutput}, the one-step training run, came with JDK 25 (JEP 514). */
    static boolean makesAotCache(Runtime.Version jdk) {
        return jdk.feature() >= 25;
    }

    /** Where a service's archive of classes is kept: beside its jar, in {@code app}. */
    static Path archive(Path app, Runtime.Version jdk) {
        return app.resolve(makesAotCache(jdk) ? "app.aot" : "app-cds-dynamic.jsa");
    }

    private static boolean modifiedAfter(Path file, FileTime time) {
        try {
            return Files.getLastModifiedTime(file).compareTo(time) > 0;
        } catch (IOException e) {
            return true;
        }
    }
}
