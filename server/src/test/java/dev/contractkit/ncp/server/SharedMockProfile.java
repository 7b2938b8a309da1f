package dev.contractkit.ncp.server;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A shared team mock as its operator sets it up (an admin token, a public URL, one trusted origin, one backend
 * host an API-made workspace may forward to) with a journal of 3 entries, taking replayed pacts for its
 * configured tenant (contract testing): one Quarkus start for every test of those settings. With the default
 * profile and the proxy's, one of the server's three.
 */
public class SharedMockProfile implements QuarkusTestProfile {
    public static final String TOKEN = "team-mock-token-7d1e0c93a4b25f68";
    public static final String PUBLIC_URL = "https://ncp-mock.team.example";
    public static final String TRUSTED_ORIGIN = "https://ci.team.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ncp.mock.admin-token", TOKEN, "ncp.mock.public-url", PUBLIC_URL + "/", "ncp.mock.cors-origins", TRUSTED_ORIGIN,
                "ncp.mock.gateway-backend-hosts", "127.0.0.1, *.team.example", "ncp.mock.journal-size", "3",
                "ncp.mock.contract-testing", "true");
    }
}
