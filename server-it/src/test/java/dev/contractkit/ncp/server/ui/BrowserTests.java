package dev.contractkit.ncp.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.testsupport.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The browser tests of {@code src/test/browser} (npm playwright-core; the browser on the PATH, else npm's
 * {@code @sparticuz/chromium}): their packages installed once per test run, then one npm script per call.
 */
public final class BrowserTests {
    private static final Path DIR = Path.of("src/test/browser").toAbsolutePath();
    private static boolean installed;

    private BrowserTests() {
    }

    /** Runs {@code npm run <script>} against the mock at {@code mockUrl}, with these variables; answers its exit code. */
    public static int run(String script, String mockUrl, Map<String, String> environment) throws IOException, InterruptedException {
        install();
        Map<String, String> all = new HashMap<>(environment);
        all.put("MOCK_URL", mockUrl);
        return ChildProcess.run(DIR, all, Duration.ofMinutes(10), List.of("npm", "run", "--silent", script)).exitCode();
    }

    private static synchronized void install() throws IOException, InterruptedException {
        if (!installed) {
            assertThat(ChildProcess.run(DIR, Map.of(), Duration.ofMinutes(10), List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"))
                    .exitCode()).as("npm ci").isZero();
            installed = true;
        }
    }
}
