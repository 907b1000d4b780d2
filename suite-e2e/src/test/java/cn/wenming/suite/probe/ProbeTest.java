package cn.wenming.suite.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * The reliability and security probe in its CI form: a fresh suite (embedded PostgreSQL, the four
 * packaged services, the nginx gateway), every probe of {@link Probe}, and a failure for any 5xx,
 * leak, access failure, lost write or Spectral error, with the summary as the message.
 */
class ProbeTest {

    @Test
    void theSuiteHoldsUnderHostileInputFaultsAndWrongAccess() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path seed = root.resolve("../shared/seed").normalize();
        assertTrue(Files.isDirectory(seed), "the seed folder ../shared/seed is beside the project");
        Report report;
        try (Suite suite = Suite.start(Probe.config(root, Path.of("target/probe-" + UUID.randomUUID()).toAbsolutePath(), Optional.of(seed)))) {
            report = Probe.run(suite, Probe.Options.ci());
        }
        System.out.println(report.summary());
        assertTrue(report.passed(), report.summary());
        // the probe really ran: the counts the issue asks for are there
        assertTrue(report.get(Count.HOSTILE) >= 5000, "at least 5,000 hostile requests: " + report.get(Count.HOSTILE));
        // 96 operations, each called by 19 kinds of caller (12 for the public ones)
        assertTrue(report.get(Count.MATRIX_CELLS) >= 1800, "every cell of the access matrix: " + report.get(Count.MATRIX_CELLS));
        // three operations on deliveries, each called by both recipient bodies with the other's and their own
        assertTrue(report.get(Count.OBJECT_CELLS) == 12, "object-level cells: " + report.get(Count.OBJECT_CELLS));
        assertTrue(report.get(Count.FAULTS_INJECTED) == 2 && report.get(Count.FAULTS_SURVIVED) == 2, report.summary());
        assertTrue(report.get(Count.WRITES_VERIFIED) > 0, "writes were verified after the outage");
        assertTrue(report.get(Count.OPENAPI_DOCUMENTS) == 4, "four OpenAPI documents checked");
        assertTrue(report.get(Count.AUDIT_VERIFIED) >= 1000,
                "the four audit trails verified, with the refused writes of the matrix and the hostile phase: " + report.get(Count.AUDIT_VERIFIED));
        assertEquals(1, report.get(Count.TAMPER_DETECTED), "the row altered by hand was named by the verification");
    }
}
