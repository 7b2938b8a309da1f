package dev.contractkit.ncp.server.launcher;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.DriftedNcp;
import dev.contractkit.ncp.testsupport.FreePort;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code ./ncp-mock} as the README runs it, from another directory: it trains its cache on the first launch
 * after a build (never through a configured upstream), says which JDK, mode and cache it chose, passes settings
 * through, and serves signed calls.
 */
class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("ncp.repo.root", "..")).toAbsolutePath().normalize();
    private static final NcpCredentials CREDENTIALS = new NcpCredentials("LAUNCHERACCESSKEY001", "launcher-test-secret-key");

    @Test
    void trainsOnceThenServesWithItsCache() throws Exception {
        Path firstLog = launchAndCall();
        String first = Files.readString(firstLog);
        assertThat(first).containsPattern("ncp-mock: JDK \\d+ .*, cold mode, (AOT cache|AppCDS archive) .*server/target/quarkus-app/ncp-mock-cold-jdk\\d+\\.(aot|jsa)");
        Path secondLog = launchAndCall();
        assertThat(Files.readString(secondLog)).as("the second launch reuses the cache").doesNotContain("training");
    }

    @Test
    void passesJvmAndApplicationArgumentsApart() throws Exception {
        ProcessBuilder dryRun = new ProcessBuilder("bash", ROOT.resolve("ncp-mock").toString(), "-Dncp.mock.journal-size=5", "-Xss1m", "extra")
                .directory(new File(System.getProperty("java.io.tmpdir"))).redirectErrorStream(true);
        dryRun.environment().put("NCP_MOCK_LAUNCHER_DRY_RUN", "1");
        dryRun.environment().put("NCP_MOCK_MODE", "throughput");
        Process process = dryRun.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).isZero();
        String command = output.lines().reduce((a, b) -> b).orElseThrow();
        assertThat(command).contains("-Dncp.mock.journal-size=5 -Xss1m -jar " + ROOT.resolve("server/target/quarkus-app/quarkus-run.jar") + " extra")
                .doesNotContain("TieredStopAtLevel");
        ProcessBuilder badMode = new ProcessBuilder("bash", ROOT.resolve("ncp-mock").toString()).redirectErrorStream(true);
        badMode.environment().put("NCP_MOCK_MODE", "turbo");
        Process refused = badMode.start();
        assertThat(new String(refused.getInputStream().readAllBytes())).contains("NCP_MOCK_MODE must be cold or throughput");
        assertThat(refused.waitFor()).isEqualTo(2);
    }

    /**
     * The cache is trained by a mock the launcher starts and calls (keys made, regenerated, deleted): with the
     * user's proxy settings, those calls would reach the real NCP. The training run must ignore them.
     */
    @Test
    void theTrainingRunNeverReachesTheUpstream() throws Exception {
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(ROOT.resolve("server/target/quarkus-app"), "ncp-mock-cold-jdk*")) {
            for (Path cache : caches) {
                Files.delete(cache); // so that this launch trains
            }
        }
        Path recording = TempFiles.folder("ncp-launcher-recording");
        try (DriftedNcp upstream = DriftedNcp.start()) {
            Path log = launchAndCall(Map.of("NCP_MOCK_UPSTREAM", upstream.baseUrl(),
                    "NCP_MOCK_UPSTREAM_CREDENTIALS", "REALACCESSKEY0000001:REALSECRETKEY0000000000000000000000001",
                    "NCP_MOCK_RECORD_DIR", recording.toString()), "/api/v1/api-keys");

            assertThat(Files.readString(log)).contains("training");
            assertThat(upstream.arrivals()).as("only the test's own call, through the proxy").isNotEmpty()
                    .allSatisfy(arrival -> assertThat(arrival.method() + " " + arrival.pathAndQuery()).isEqualTo("GET /api/v1/api-keys"));
        }
    }

    private static Path launchAndCall() throws Exception {
        return launchAndCall(Map.of(), "/api/v1/api-keys/seedweb001");
    }

    /** Launches {@code ./ncp-mock} with these extra variables, waits until a signed GET of {@code path} answers 200, stops it; its log. */
    private static Path launchAndCall(Map<String, String> environment, String path) throws Exception {
        int port = FreePort.find();
        Path log = TempFiles.file("ncp-launcher", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("ncp-mock").toString(),
                "-Dncp.mock.credentials=" + CREDENTIALS.accessKey() + ":" + CREDENTIALS.secretKey())
                .directory(new File(System.getProperty("java.io.tmpdir")))
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        Process mock = builder.start();
        try {
            Awaitility.await("the launcher serves within 120 s").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .failFast("the launcher exited", () -> !mock.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> SignedHttp.send("http://127.0.0.1:" + port, CREDENTIALS, "GET", path, null).statusCode() == 200);
            return log;
        } finally {
            mock.destroy();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
