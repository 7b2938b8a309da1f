package dev.contractkit.ncp.server.proxy;

import dev.contractkit.ncp.testsupport.TempFiles;
import dev.contractkit.ncp.testsupport.DriftedNcp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A drifted upstream on a free port and a fresh recording folder, and the mock set up as a proxy in front of it
 * the way a careful user sets one up: an admin token, one trusted origin, writes not allowed, and the log also
 * written to a file (so that a test can search every line of it for secrets).
 */
public class DriftedUpstream implements QuarkusTestResourceLifecycleManager {
    static final String ACCESS = "UPSTREAMACCESSKEY001";
    static final String SECRET = "UPSTREAMSECRETKEY0000000000000000000001";
    static volatile DriftedNcp upstream;
    static final String ADMIN_TOKEN = "ADMINTOKEN-proxy-3f9a1c7e5b2d4086";
    static final String TRUSTED_ORIGIN = "https://app.example";
    static volatile Path recordings;
    static volatile Path log;

    @Override
    public Map<String, String> start() {
        try {
            upstream = DriftedNcp.start();
            recordings = TempFiles.folder("ncp-recording");
            log = TempFiles.file("ncp-proxy", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("ncp.mock.upstream", upstream.baseUrl(), "ncp.mock.upstream-credentials", ACCESS + ":" + SECRET,
                "ncp.mock.record-dir", recordings.toString(), "ncp.mock.admin-token", ADMIN_TOKEN, "ncp.mock.cors-origins", TRUSTED_ORIGIN,
                "quarkus.log.file.enabled", "true", "quarkus.log.file.path", log.toString(), "quarkus.log.file.level", "ALL",
                "quarkus.log.category.\"dev.contractkit\".level", "DEBUG");
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
