package dev.contractkit.ncp.server.proxy;

import dev.contractkit.ncp.testsupport.DriftedNcp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A drifted upstream on a free port and a fresh recording folder, and the mock set up as a proxy in front of it. */
public class DriftedUpstream implements QuarkusTestResourceLifecycleManager {
    static final String ACCESS = "UPSTREAMACCESSKEY001";
    static final String SECRET = "UPSTREAMSECRETKEY0000000000000000000001";
    static volatile DriftedNcp upstream;
    static volatile Path recordings;

    @Override
    public Map<String, String> start() {
        try {
            upstream = DriftedNcp.start();
            recordings = Files.createTempDirectory("ncp-recording");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("ncp.mock.upstream", upstream.baseUrl(), "ncp.mock.upstream-credentials", ACCESS + ":" + SECRET,
                "ncp.mock.record-dir", recordings.toString());
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
