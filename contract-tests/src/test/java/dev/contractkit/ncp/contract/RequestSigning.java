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
    /** The mock's default credentials, which the packaged mock accepts when none are configured. */
    public static final NcpCredentials MOCK_DEFAULT_CREDENTIALS =
            new NcpCredentials("MOCKACCESSKEY0000001", "MOCKSECRETKEY000000000000000000000000001");

    private RequestSigning() {
    }

    public static NcpCredentials credentialsFor(PactStates.Setup setup) {
        return credentialsFor(setup, SERVER_TEST_CREDENTIALS);
    }

    /** {@code credentials}, or their access key with a wrong secret when the states ask for a bad signature. */
    public static NcpCredentials credentialsFor(PactStates.Setup setup, NcpCredentials credentials) {
        return setup.wrongSignature() ? new NcpCredentials(credentials.accessKey(), "not-the-secret") : credentials;
    }

    /** {@code request.getPath()} is the raw path with the raw query, exactly what goes on the wire. */
    public static void resign(HttpRequest request, NcpCredentials credentials) {
        String timestamp = Long.toString(System.currentTimeMillis());
        request.setHeader(NcpHeaders.TIMESTAMP, timestamp);
        request.setHeader(NcpHeaders.ACCESS_KEY, credentials.accessKey());
        request.setHeader(NcpHeaders.SIGNATURE, new NcpSigner(credentials).sign(request.getMethod(), request.getPath(), timestamp));
    }
}
