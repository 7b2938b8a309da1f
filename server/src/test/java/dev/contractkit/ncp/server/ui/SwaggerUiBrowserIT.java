package dev.contractkit.ncp.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged mock, started as the README starts it (signatures on, on a random port), and its Swagger UI
 * driven in Debian's headless Chromium by {@code src/test/browser/swagger-ui.test.mjs} (npm playwright-core,
 * no browser download): "Try it out" on regenerate and on list reach this mock, signed in the browser, 200.
 * The screenshot of the regenerate lands in {@code target/swagger-ui-regenerate.png}.
 */
class SwaggerUiBrowserIT {
    private static final Path BROWSER_TEST = Path.of("src/test/browser").toAbsolutePath();

    @Test
    void tryItOutWorksWithTheDefaultsInARealBrowser() throws Exception {
        assertThat(run(BROWSER_TEST, null, null, "npm", "ci", "--no-audit", "--no-fund")).as("npm ci").isZero();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("ncp-swagger-ui", ".log");
        Process mock = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String url = "http://localhost:" + port;
            awaitReady(url, mock, log);
            Path screenshot = Path.of("target/swagger-ui-regenerate.png").toAbsolutePath();
            assertThat(run(BROWSER_TEST, url, screenshot, "npm", "test")).as("the browser test, output above").isZero();
            assertThat(screenshot).exists();
        } finally {
            mock.destroy();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitReady(String url, Process mock, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                if (!mock.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the mock did not start: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
    }

    private static int run(Path dir, String mockUrl, Path screenshot, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (mockUrl != null) {
            builder.environment().put("MOCK_URL", mockUrl);
            builder.environment().put("SCREENSHOT", screenshot.toString());
        }
        java.io.File output = java.io.File.createTempFile("ncp-child", ".log");
        builder.redirectOutput(output);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 minutes");
        }
        // the child's output, through this JVM's own stdout (writing to it directly would corrupt the test runner's channel)
        System.out.println(java.nio.file.Files.readString(output.toPath()));
        return process.exitValue();
    }
}
