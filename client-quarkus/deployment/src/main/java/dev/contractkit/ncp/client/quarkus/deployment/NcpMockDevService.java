package dev.contractkit.ncp.client.quarkus.deployment;

import dev.contractkit.ncp.mock.junit.NcpMockServer;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The mock in a child JVM. It accepts the credentials the application is configured with, so that the client
 * signs as it would for NCP; with none, credentials drawn for this one start (never the mock's published default
 * pair), which the client is then given. Credentials reach the child through its environment, never its
 * command line.
 */
final class NcpMockDevService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NcpMockDevService.class);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Map<String, String> settings;
    private final boolean drawn;
    private final String accessKey;
    private final String secretKey;
    private NcpMockServer server;

    /** {@code credentials}: the application's own access key and secret, or empty to draw a pair. */
    NcpMockDevService(Map<String, String> settings, Optional<String[]> credentials) {
        this.settings = settings;
        this.drawn = credentials.isEmpty();
        this.accessKey = credentials.map(pair -> pair[0]).orElseGet(() -> random(20));
        this.secretKey = credentials.map(pair -> pair[1]).orElseGet(() -> random(40));
    }

    /** Whether the client must be given this pair (it was drawn here), or signs with its own already. */
    boolean drawn() {
        return drawn;
    }

    void start() {
        server = NcpMockServer.start(settings, Map.of("NCP_MOCK_CREDENTIALS", accessKey + ":" + secretKey));
        LOG.infof("Dev Services for the NCP mock started it at %s (in %d ms): the client calls %s", server.url(), server.startTime().toMillis(),
                apiUrl());
    }

    String apiUrl() {
        return server.url() + "/api/v1";
    }

    String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    private static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }
}
