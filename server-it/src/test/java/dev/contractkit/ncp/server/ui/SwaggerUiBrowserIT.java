package dev.contractkit.ncp.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.testsupport.PackagedMock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged mock, started as the README starts it (signatures on, on a random port), and its Swagger UI
 * driven in headless Chromium by {@code src/test/browser/swagger-ui.test.mjs} (npm playwright-core; the
 * browser on the PATH, else npm's {@code @sparticuz/chromium}): "Try it out" on regenerate and on list reach
 * this mock, signed in the browser, 200.
 * The screenshot of the regenerate lands in {@code target/swagger-ui-regenerate.png}.
 */
class SwaggerUiBrowserIT {
    @Test
    void tryItOutWorksWithTheDefaultsInARealBrowser() throws Exception {
        try (PackagedMock mock = PackagedMock.start(Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar")),
                List.of(), Map.of())) {
            Path screenshot = Path.of("target/swagger-ui-regenerate.png").toAbsolutePath();
            // localhost, as a developer types it: the page's origin must be the one the mock serves
            assertThat(BrowserTests.run("test", "http://localhost:" + mock.port(), Map.of("SCREENSHOT", screenshot.toString())))
                    .as("the browser test, output above").isZero();
            assertThat(screenshot).exists();
        }
    }
}
