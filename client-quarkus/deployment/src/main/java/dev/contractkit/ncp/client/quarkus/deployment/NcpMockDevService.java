package dev.contractkit.ncp.client.quarkus.deployment;

import dev.contractkit.ncp.mock.junit.NcpMockServer;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** The mock in a child JVM, with credentials drawn for this one start (never the mock's published default pair). */
final class NcpMockDevService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NcpMockDevService.class);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Map<String, String> settings;
    private final String accessKey = random(20);
    private final String secretKey = random(40);
    private NcpMockServer server;

    NcpMockDevService(Map<String, String> settings) {
        this.settings = settings;
    }

    void start() {
        Map<String, String> all = new HashMap<>(settings);
        all.put("ncp.mock.credentials", accessKey + ":" + secretKey);
        server = NcpMockServer.start(all);
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
