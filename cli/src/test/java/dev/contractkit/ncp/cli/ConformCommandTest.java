package dev.contractkit.ncp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.testsupport.DriftedNcp;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conform} against a drifted provider: a renamed field, a wrong enum value and an undocumented status are
 * each named, and the exit code is 1. (Against the mock it passes: the doc test runs the documented command.)
 */
@QuarkusMainTest
class ConformCommandTest {
    DriftedNcp drifted;

    @BeforeEach
    void start() throws IOException {
        drifted = DriftedNcp.start();
    }

    @AfterEach
    void stop() {
        drifted.close();
    }

    @Test
    void everyDriftIsNamedAndTheRunFails(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("conform", "--endpoint", drifted.baseUrl());

        assertThat(result.exitCode()).as(result.getOutput() + result.getErrorOutput()).isEqualTo(1);
        String report = result.getOutput();
        assertThat(report).contains("FAIL list API keys").contains("enabled");
        assertThat(report).contains("FAIL list products").contains("SECRET");
        assertThat(report).contains("FAIL get one product").contains("418");
        assertThat(report).contains("does not conform");
    }

    @Test
    void theJsonReportSaysTheSame(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("conform", "--json", "--endpoint", drifted.baseUrl());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutput()).contains("\"conforms\" : false").contains("\"step\" : \"list products\"");
    }
}
