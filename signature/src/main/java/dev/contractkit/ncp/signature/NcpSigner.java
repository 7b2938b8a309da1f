package dev.contractkit.ncp.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes NCP's {@code x-ncp-apigw-signature-v2} for one pair of credentials:
 * {@code Base64(HMAC-SHA256(secretKey, METHOD + " " + PATH_AND_QUERY + "\n" + TIMESTAMP + "\n" + ACCESS_KEY))}.
 * Thread-safe; each thread keeps one initialised {@link Mac}, so signing allocates no Mac per request.
 */
public final class NcpSigner {
    private static final String ALGORITHM = "HmacSHA256";

    private final NcpCredentials credentials;
    private final ThreadLocal<Mac> macs;

    public NcpSigner(NcpCredentials credentials) {
        this.credentials = credentials;
        SecretKeySpec key = new SecretKeySpec(credentials.secretKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        newMac(key); // fail fast on a JVM without HmacSHA256
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    public String accessKey() {
        return credentials.accessKey();
    }

    /**
     * @param method       HTTP method, any case
     * @param pathAndQuery the raw path from the host root (with {@code /api/v1}), then {@code ?} and the raw
     *                     query when there is one
     * @param timestamp    the exact value sent in {@code x-ncp-apigw-timestamp}
     */
    public String sign(String method, String pathAndQuery, String timestamp) {
        return Base64.getEncoder().encodeToString(signatureBytes(method, pathAndQuery, timestamp));
    }

    byte[] signatureBytes(String method, String pathAndQuery, String timestamp) {
        String stringToSign = stringToSign(method, pathAndQuery, timestamp, credentials.accessKey());
        return macs.get().doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
    }

    public static String stringToSign(String method, String pathAndQuery, String timestamp, String accessKey) {
        return method.toUpperCase(Locale.ROOT) + ' ' + pathAndQuery + '\n' + timestamp + '\n' + accessKey;
    }

    /** Joins a raw path and a raw query the way NCP signs them: no {@code ?} without a query. */
    public static String pathAndQuery(String rawPath, String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + '?' + rawQuery;
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
