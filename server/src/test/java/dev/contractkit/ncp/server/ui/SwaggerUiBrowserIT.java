package dev.contractkit.ncp.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.testsupport.PackagedMock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        try (PackagedMock mock = PackagedMock.start(Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar")),
                List.of(), Map.of())) {
            Path screenshot = Path.of("target/swagger-ui-regenerate.png").toAbsolutePath();
            // localhost, as a developer types it: the page's origin must be the one the mock serves
            assertThat(run(BROWSER_TEST, "http://localhost:" + mock.port(), screenshot, "npm", "test")).as("the browser test, output above").isZero();
            assertThat(screenshot).exists();
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
