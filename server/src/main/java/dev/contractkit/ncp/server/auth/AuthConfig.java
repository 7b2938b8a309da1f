package dev.contractkit.ncp.server.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "ncp.mock")
public interface AuthConfig {

    /**
     * Comma-separated {@code accessKey:secretKey} pairs, each its own tenant
     * (environment {@code NCP_MOCK_CREDENTIALS}). Unset: the documented local default pair.
     */
    Optional<String> credentials();

    /** Whether requests must carry a valid NCP signature (environment {@code NCP_MOCK_VERIFY_SIGNATURES}). */
    @WithDefault("true")
    boolean verifySignatures();

    /** How far a request's timestamp may be from the server's clock; NCP allows under 5 minutes. */
    @WithDefault("5m")
    Duration allowedClockSkew();
}
