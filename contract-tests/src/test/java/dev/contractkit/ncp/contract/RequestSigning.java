package dev.contractkit.ncp.contract;

import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Re-signs a pact's request for the server under test: a recorded signature belongs to the consumer's
 * clock and keys. Only the three signed headers change.
 */
public final class RequestSigning {
    /** The credentials the server accepts in its test profile (tenant A). */
    public static final NcpCredentials SERVER_TEST_CREDENTIALS =
            new NcpCredentials("TESTACCESSKEY0000000", "TESTSECRETKEY000000000000000000000000000");
    private static final NcpCredentials WRONG_SECRET = new NcpCredentials(SERVER_TEST_CREDENTIALS.accessKey(), "not-the-secret");

    private RequestSigning() {
    }

    public static NcpCredentials credentialsFor(ProviderStates.Setup setup) {
        return setup.wrongSignature() ? WRONG_SECRET : SERVER_TEST_CREDENTIALS;
    }

    /** {@code request.getPath()} is the raw path with the raw query, exactly what goes on the wire. */
    public static void resign(HttpRequest request, NcpCredentials credentials) {
        String timestamp = Long.toString(System.currentTimeMillis());
        request.setHeader(NcpHeaders.TIMESTAMP, timestamp);
        request.setHeader(NcpHeaders.ACCESS_KEY, credentials.accessKey());
        request.setHeader(NcpHeaders.SIGNATURE, new NcpSigner(credentials).sign(request.getMethod(), request.getPath(), timestamp));
    }
}
