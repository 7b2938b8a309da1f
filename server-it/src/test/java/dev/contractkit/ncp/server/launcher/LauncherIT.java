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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code ./ncp-mock} as the README runs it, from another directory: the first launch after the build uses the
 * cache the build trained; a JDK with no cache starts at once while a training runs in the background (never
 * through a configured upstream); it says which JDK, mode and cache it chose, passes settings through, and
 * serves signed calls.
 */
class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("ncp.repo.root", "..")).toAbsolutePath().normalize();
    private static final NcpCredentials CREDENTIALS = new NcpCredentials("LAUNCHERACCESSKEY001", "launcher-test-secret-key");

    /**
     * The build ({@code package}) trained the best cache for the JDK the launcher picks in the same environment
     * (JDK 25+: the AOT cache; 17+: the AppCDS archive): the first launch starts with it.
     */
    @Test
    void theFirstLaunchAfterTheBuildStartsWithTheBestCacheForItsJdk() throws Exception {
        String log = Files.readString(launchAndCall(Map.of("NCP_MOCK_TRAIN_IN_BACKGROUND", "0"), "/api/v1/api-keys/seedweb001"));
        Matcher chosen = Pattern.compile("ncp-mock: JDK (\\d+) \\(.*\\), cold mode, (AOT cache|AppCDS archive) (\\S+)").matcher(log);
        assertThat(chosen.find()).as(log).isTrue();
        int jdk = Integer.parseInt(chosen.group(1));
        assertThat(chosen.group(2)).isEqualTo(jdk >= 25 ? "AOT cache" : "AppCDS archive");
        assertThat(chosen.group(3)).isEqualTo(ROOT.resolve("server/target/quarkus-app/ncp-mock-cold-jdk" + jdk + (jdk >= 25 ? ".aot" : ".jsa")).toString());
        assertThat(log).doesNotContain("no start-up cache");
    }

    /**
     * The build trained for the JDK it found; another JDK that runs the same build starts without a cache, and
     * the launcher says why (a copy of the launcher over a build whose only cache is for JDK 99).
     */
    @Test
    void saysSoWhenTheJdkThatRunsIsNotTheOneTheBuildTrainedFor() throws Exception {
        Path copy = TempFiles.folder("ncp-launcher-copy");
        Path app = Files.createDirectories(copy.resolve("server/target/quarkus-app"));
        Files.copy(ROOT.resolve("ncp-mock"), copy.resolve("ncp-mock"));
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "");
        Path otherJdks = Files.writeString(app.resolve("ncp-mock-cold-jdk99.aot"), "");
        Files.setLastModifiedTime(otherJdks, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        ProcessBuilder dryRun = new ProcessBuilder("bash", copy.resolve("ncp-mock").toString()).redirectErrorStream(true);
        dryRun.environment().put("NCP_MOCK_LAUNCHER_DRY_RUN", "1");
        dryRun.environment().put("JAVA_HOME", System.getProperty("java.home"));
        dryRun.environment().remove("NCP_MOCK_MODE");
        Process process = dryRun.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).isZero();
        String jdk = System.getProperty("java.specification.version");
        assertThat(output).contains("this build's start-up cache is for JDK 99, and JDK " + jdk + " runs: it starts without one")
                .contains("JDK " + jdk + " (" + System.getProperty("java.home") + "/bin/java), cold mode, no start-up cache");
        String command = output.lines().reduce((a, b) -> b).orElseThrow();
        assertThat(command).doesNotContain("AOTCache").doesNotContain("SharedArchiveFile");
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
     * A mode (or a JDK) with no cache starts at once, without one, while a training run makes the cache in the
     * background. That run starts a mock and calls it (keys made, regenerated, deleted): with the user's proxy
     * settings, those calls would reach the real NCP. The training run must ignore them.
     */
    @Test
    void withNoCacheItServesAtOnceAndTrainsInTheBackgroundNeverThroughTheUpstream() throws Exception {
        Path app = ROOT.resolve("server/target/quarkus-app");
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(app, "ncp-mock-throughput-jdk*")) {
            for (Path old : caches) {
                Files.delete(old); // so that this launch has none
            }
        }
        int jdk = Integer.parseInt(System.getProperty("java.specification.version"));
        Path cache = app.resolve("ncp-mock-throughput-jdk" + jdk + (jdk >= 25 ? ".aot" : ".jsa"));
        Path recording = TempFiles.folder("ncp-launcher-recording");
        try (DriftedNcp upstream = DriftedNcp.start()) {
            Path log = launchAndCall(Map.of("NCP_MOCK_MODE", "throughput", "JAVA_HOME", System.getProperty("java.home"), "NCP_MOCK_TRAINING_DELAY", "0",
                    "NCP_MOCK_UPSTREAM", upstream.baseUrl(),
                    "NCP_MOCK_UPSTREAM_CREDENTIALS", "REALACCESSKEY0000001:REALSECRETKEY0000000000000000000000001",
                    "NCP_MOCK_RECORD_DIR", recording.toString()), "/api/v1/api-keys");

            assertThat(Files.readString(log)).contains("throughput mode, no start-up cache").contains("in the background");
            Awaitility.await("the background training writes the cache").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Files.exists(cache) && !Files.exists(Path.of(cache + ".training")));
            assertThat(upstream.arrivals()).as("only the test's own call, through the proxy").isNotEmpty()
                    .allSatisfy(arrival -> assertThat(arrival.method() + " " + arrival.pathAndQuery()).isEqualTo("GET /api/v1/api-keys"));
        }
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
