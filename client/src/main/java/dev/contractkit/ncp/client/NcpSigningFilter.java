package dev.contractkit.ncp.client;

import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import jakarta.annotation.Priority;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signs every request the NCP way from its final URI (raw path and raw query, exactly as they go on
 * the wire), adding {@code x-ncp-apigw-timestamp}, {@code x-ncp-iam-access-key} and
 * {@code x-ncp-apigw-signature-v2}. It signs last, after every other request filter. Works on Quarkus REST
 * Client and on RESTEasy classic.
 */
@Priority(NcpSigningFilter.PRIORITY)
public class NcpSigningFilter implements ClientRequestFilter {
    /**
     * Runs after every other request filter (JAX-RS runs lower priorities first), so a user's filter that
     * changes the URI or the method does so before the request is signed, not after.
     */
    public static final int PRIORITY = Integer.MAX_VALUE - 100;

    private final NcpSigner signer;
    private final Clock clock;

    /** For {@code quarkus.rest-client.<key>.providers}: credentials from configuration or the environment. */
    public NcpSigningFilter() {
        this(NcpClientCredentials.fromConfig(ConfigProvider.getConfig()), Clock.systemUTC());
    }

    public NcpSigningFilter(NcpCredentials credentials, Clock clock) {
        this.signer = new NcpSigner(credentials);
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String timestamp = Long.toString(clock.millis());
        String signature = signer.sign(request.getMethod(), NcpSigner.pathAndQuery(uri.getRawPath(), uri.getRawQuery()), timestamp);
        request.getHeaders().putSingle(NcpHeaders.TIMESTAMP, timestamp);
        request.getHeaders().putSingle(NcpHeaders.ACCESS_KEY, signer.accessKey());
        request.getHeaders().putSingle(NcpHeaders.SIGNATURE, signature);
    }
}
