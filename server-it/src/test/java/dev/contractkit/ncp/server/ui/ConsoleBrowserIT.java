package dev.contractkit.ncp.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.testsupport.PackagedMock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged mock on the memory store, as the README starts it, and its console driven in headless Chromium by
 * {@code src/test/browser/console.test.mjs}: a key regenerated and a subscription approved from the page, and
 * gateway calls made elsewhere, show up live. The screenshot lands in {@code target/console.png}; {@code LocalClusterIT} runs the same test through
 * nginx over two Redis replicas.
 */
class ConsoleBrowserIT {

    @Test
    void theConsoleShowsARegenerationAndGatewayCallsLive() throws Exception {
        try (PackagedMock mock = PackagedMock.start(Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar")),
                List.of(), Map.of())) {
            Path screenshot = Path.of("target/console.png").toAbsolutePath();
            assertThat(BrowserTests.run("console", "http://localhost:" + mock.port(), Map.of("SCREENSHOT", screenshot.toString())))
                    .as("the browser test, output above").isZero();
            assertThat(screenshot).exists();
        }
    }
}
