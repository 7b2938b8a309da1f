package dev.contractkit.ncp.server.upstream;

import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpSigner;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Proxy mode's settings, checked when the mock starts: the upstream's base URL ({@code ncp.mock.upstream}) and
 * the real credentials the proxy signs with ({@code ncp.mock.upstream-credentials} or
 * {@code ncp.mock.upstream-credentials-file}). A plain-HTTP upstream is refused unless its host is a loopback
 * address (a local test upstream). No message ever repeats the secret.
 */
@Startup
@ApplicationScoped
public class Upstream {
    private final URI base;
    private final NcpSigner signer;
    private final Set<String> secrets;

    @Inject
    public Upstream(NcpMockConfig config) {
        this(config.upstream(), config.upstreamCredentials(), config.upstreamCredentialsFile());
        if (enabled()) {
            checkClientSide(config.credentials(), config.verifySignatures(), config.contractTesting());
        }
    }

    /**
     * A proxy lends the real credentials to whoever its own check lets in, so that check must be one only the
     * user can pass: client credentials of their own choosing ({@code ncp.mock.credentials}), never the published
     * local default pair, and signatures verified, with no contract-testing replay.
     */
    static void checkClientSide(Optional<String> credentials, boolean verifySignatures, boolean contractTesting) {
        String pairs = credentials.filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "proxy mode (ncp.mock.upstream) needs client credentials of your own: set ncp.mock.credentials "
                        + "(NCP_MOCK_CREDENTIALS=ACCESS:SECRET, any pair you choose); your callers sign with it, and the published local default "
                        + "pair is never accepted by a proxy"));
        for (NcpCredentials pair : NcpCredentials.parseList(pairs)) {
            if (pair.accessKey().equals(Tenants.LOCAL_DEFAULT.accessKey()) || pair.secretKey().equals(Tenants.LOCAL_DEFAULT.secretKey())) {
                throw new IllegalArgumentException("proxy mode (ncp.mock.upstream): ncp.mock.credentials holds the published local default pair "
                        + "(it is in the README, so anyone could sign with it); choose a pair of your own");
            }
        }
        if (!verifySignatures) {
            throw new IllegalArgumentException("proxy mode (ncp.mock.upstream) always verifies signatures: unset ncp.mock.verify-signatures=false");
        }
        if (contractTesting) {
            throw new IllegalArgumentException("proxy mode (ncp.mock.upstream) takes no replayed pacts: unset ncp.mock.contract-testing=true");
        }
    }

    Upstream(Optional<String> url, Optional<String> credentials, Optional<String> credentialsFile) {
        if (url.isEmpty() || url.get().isBlank()) {
            base = null;
            signer = null;
            secrets = Set.of();
            return;
        }
        base = baseUrl(url.get().trim());
        NcpCredentials pair = credentials(credentials, credentialsFile);
        signer = new NcpSigner(pair);
        secrets = Set.of(pair.accessKey(), pair.secretKey());
    }

    /** Whether the mock is a proxy. */
    public boolean enabled() {
        return base != null;
    }

    /** The upstream's base URL, without a trailing slash ({@code https://host/api/v1}). */
    public URI base() {
        return base;
    }

    /** The upstream's URL for a path below the mock's {@code /api/v1} ({@code /api-keys}) and a raw query (or null). */
    public URI target(String below, String query) {
        return URI.create(base + below + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** Signs a call to the upstream with the real credentials. */
    public NcpSigner signer() {
        return signer;
    }

    /** The real access key and secret: no log, answer or recording may hold them. */
    public Set<String> secrets() {
        return secrets;
    }

    static URI baseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ncp.mock.upstream is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("ncp.mock.upstream must be an https URL such as https://apigateway.apigw.ntruss.com/api/v1, not " + url);
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new IllegalArgumentException("ncp.mock.upstream must use https: plain http is allowed only to a loopback host (a local test upstream), not "
                    + uri.getHost());
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("ncp.mock.upstream takes no query or fragment: " + url);
        }
        return uri;
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost is not resolved here: it could point anywhere later
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static NcpCredentials credentials(Optional<String> value, Optional<String> file) {
        String pair;
        if (value.isPresent() && !value.get().isBlank()) {
            pair = value.get();
        } else if (file.isPresent() && !file.get().isBlank()) {
            try {
                pair = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("ncp.mock.upstream-credentials-file cannot be read: " + file.get());
            }
        } else {
            throw new IllegalArgumentException("ncp.mock.upstream needs the real credentials: set ncp.mock.upstream-credentials "
                    + "(NCP_MOCK_UPSTREAM_CREDENTIALS=ACCESS:SECRET) or ncp.mock.upstream-credentials-file");
        }
        String trimmed = pair.strip();
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1 || trimmed.indexOf(':', colon + 1) >= 0 || trimmed.contains("\n")
                || trimmed.contains(",")) {
            throw new IllegalArgumentException("the upstream credentials must be one ACCESS:SECRET pair (the value is not repeated here)");
        }
        return new NcpCredentials(trimmed.substring(0, colon), trimmed.substring(colon + 1));
    }
}
