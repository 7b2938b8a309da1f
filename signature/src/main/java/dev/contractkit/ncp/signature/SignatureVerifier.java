package dev.contractkit.ncp.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks the three signed headers of a request the way NCP's gateway does. Time comes from the injected
 * {@link Clock}; signatures are compared in constant time.
 */
public final class SignatureVerifier {
    /** NCP rejects a timestamp 5 minutes or more away from its clock, in either direction. */
    public static final Duration DEFAULT_ALLOWED_SKEW = Duration.ofMinutes(5);

    private final Map<String, NcpSigner> signersByAccessKey;
    private final Clock clock;
    private final long allowedSkewMillis;

    public SignatureVerifier(Collection<NcpCredentials> credentials, Clock clock, Duration allowedSkew) {
        this.signersByAccessKey = credentials.stream()
                .collect(Collectors.toUnmodifiableMap(NcpCredentials::accessKey, NcpSigner::new, (a, b) -> {
                    throw new IllegalArgumentException("access key " + a.accessKey() + " is configured twice");
                }));
        this.clock = clock;
        this.allowedSkewMillis = allowedSkew.toMillis();
    }

    public SignatureVerifier(Collection<NcpCredentials> credentials, Clock clock) {
        this(credentials, clock, DEFAULT_ALLOWED_SKEW);
    }

    public Verification verify(String method, String pathAndQuery, String timestamp, String accessKey, String signature) {
        if (isBlank(timestamp) || isBlank(accessKey) || isBlank(signature)) {
            return Verification.failed(Verification.Failure.MISSING_HEADER, missingHeaders(timestamp, accessKey, signature));
        }
        Optional<Long> millis = parseMillis(timestamp);
        if (millis.isEmpty()) {
            return Verification.failed(Verification.Failure.MALFORMED_TIMESTAMP,
                    NcpHeaders.TIMESTAMP + " must be milliseconds since the Unix epoch.");
        }
        if (Math.abs(clock.millis() - millis.get()) >= allowedSkewMillis) {
            return Verification.failed(Verification.Failure.STALE_TIMESTAMP,
                    NcpHeaders.TIMESTAMP + " is " + (allowedSkewMillis / 60_000) + " minutes or more away from the server's clock.");
        }
        NcpSigner signer = signersByAccessKey.get(accessKey);
        if (signer == null) {
            return Verification.failed(Verification.Failure.UNKNOWN_ACCESS_KEY, "The access key is not known.");
        }
        byte[] expected = signer.signatureBytes(method, pathAndQuery, timestamp);
        if (!MessageDigest.isEqual(expected, decodeOrEmpty(signature))) {
            return Verification.failed(Verification.Failure.BAD_SIGNATURE,
                    NcpHeaders.SIGNATURE + " does not match the request.");
        }
        return Verification.ok(accessKey);
    }

    private static byte[] decodeOrEmpty(String signature) {
        try {
            return Base64.getDecoder().decode(signature.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    /** ASCII digits only, and within a {@code long}: 19 nines would overflow, which is a malformed header, not a crash. */
    private static Optional<Long> parseMillis(String timestamp) {
        if (timestamp.length() > 19 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(timestamp));
        } catch (NumberFormatException overflow) {
            return Optional.empty();
        }
    }

    private static String missingHeaders(String timestamp, String accessKey, String signature) {
        var missing = new ArrayList<String>(3);
        if (isBlank(timestamp)) {
            missing.add(NcpHeaders.TIMESTAMP);
        }
        if (isBlank(accessKey)) {
            missing.add(NcpHeaders.ACCESS_KEY);
        }
        if (isBlank(signature)) {
            missing.add(NcpHeaders.SIGNATURE);
        }
        return "Authentication information are missing: " + String.join(", ", missing) + ".";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

}
