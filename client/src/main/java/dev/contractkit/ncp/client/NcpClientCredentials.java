package dev.contractkit.ncp.client;

import dev.contractkit.ncp.signature.NcpCredentials;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where the client finds its credentials: configuration ({@code ncloud.access-key}, {@code ncloud.secret-key})
 * or the environment variables NCP's own tools use ({@code NCLOUD_ACCESS_KEY}, {@code NCLOUD_SECRET_KEY}).
 */
public final class NcpClientCredentials {
    public static final String ACCESS_KEY_PROPERTY = "ncloud.access-key";
    public static final String SECRET_KEY_PROPERTY = "ncloud.secret-key";
    public static final String ACCESS_KEY_VARIABLE = "NCLOUD_ACCESS_KEY";
    public static final String SECRET_KEY_VARIABLE = "NCLOUD_SECRET_KEY";

    private NcpClientCredentials() {
    }

    public static NcpCredentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static NcpCredentials fromEnvironment(Map<String, String> environment) {
        return of(Optional.ofNullable(environment.get(ACCESS_KEY_VARIABLE)), Optional.ofNullable(environment.get(SECRET_KEY_VARIABLE)));
    }

    /** MicroProfile Config also maps {@code NCLOUD_ACCESS_KEY} to {@code ncloud.access-key}, so either works. */
    public static NcpCredentials fromConfig(Config config) {
        return of(config.getOptionalValue(ACCESS_KEY_PROPERTY, String.class),
                config.getOptionalValue(SECRET_KEY_PROPERTY, String.class));
    }

    private static NcpCredentials of(Optional<String> accessKey, Optional<String> secretKey) {
        if (accessKey.filter(value -> !value.isBlank()).isEmpty() || secretKey.filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalStateException("NCP credentials are missing: set " + ACCESS_KEY_VARIABLE + " and " + SECRET_KEY_VARIABLE
                    + " (or " + ACCESS_KEY_PROPERTY + " and " + SECRET_KEY_PROPERTY + ")");
        }
        return new NcpCredentials(accessKey.get().trim(), secretKey.get().trim());
    }
}
