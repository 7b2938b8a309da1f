package dev.contractkit.ncp.server.auth;

import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.SignatureVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The accepted credentials, the verifier built from them, and the tenant behind each access key. */
@ApplicationScoped
public class Tenants {
    /** Used when {@code ncp.mock.credentials} is unset; printed at start-up and in the README. */
    public static final NcpCredentials LOCAL_DEFAULT =
            new NcpCredentials("MOCKACCESSKEY0000001", "MOCKSECRETKEY000000000000000000000000001");

    private final List<NcpCredentials> credentials;
    private final boolean usingLocalDefault;
    private final SignatureVerifier verifier;
    static final String CREDENTIALS_PROPERTY = "ncp.mock.credentials (NCP_MOCK_CREDENTIALS)";

    /** Only the configured tenants: filled once, never grows. */
    private final Map<String, Tenant> tenantsByAccessKey = new ConcurrentHashMap<>();

    public Tenants(NcpMockConfig config, Clock clock) {
        this.usingLocalDefault = config.credentials().filter(value -> !value.isBlank()).isEmpty();
        this.credentials = usingLocalDefault ? List.of(LOCAL_DEFAULT) : parse(config.credentials().get());
        try {
            this.verifier = new SignatureVerifier(credentials, clock, config.allowedClockSkew());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CREDENTIALS_PROPERTY + ": " + e.getMessage());
        }
        credentials.forEach(pair -> tenantsByAccessKey.put(pair.accessKey(), Tenant.of(pair.accessKey())));
    }

    /** The message names the property and never repeats a secret: SmallRye's own converter errors would. */
    private static List<NcpCredentials> parse(String pairs) {
        try {
            return NcpCredentials.parseList(pairs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CREDENTIALS_PROPERTY + ": " + e.getMessage());
        }
    }

    public SignatureVerifier verifier() {
        return verifier;
    }

    public List<NcpCredentials> credentials() {
        return credentials;
    }

    public boolean usingLocalDefault() {
        return usingLocalDefault;
    }

    /** The tenants of the configured credentials, in configuration order. */
    public List<Tenant> configured() {
        return credentials.stream().map(pair -> tenantsByAccessKey.get(pair.accessKey())).toList();
    }

    /**
     * The tenant of an access key. With verification off, an unknown access key gets a tenant of its own,
     * derived from the key each time and never remembered, so any number of strangers costs no memory.
     */
    public Tenant forAccessKey(String accessKey) {
        Tenant known = tenantsByAccessKey.get(accessKey);
        return known != null ? known : Tenant.of(accessKey);
    }

    /** Whether the access key is one of the configured credentials'. */
    public boolean isConfigured(String accessKey) {
        return tenantsByAccessKey.containsKey(accessKey);
    }

    /** The tenant of requests that name no access key while verification is off. */
    public Tenant defaultTenant() {
        return forAccessKey(credentials.get(0).accessKey());
    }
}
