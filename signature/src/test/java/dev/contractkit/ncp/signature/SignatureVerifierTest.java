package dev.contractkit.ncp.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final NcpCredentials CREDENTIALS = NcpSignerTest.TEST_CREDENTIALS;
    private static final String PATH = "/api/v1/api-keys/abcde12345";
    private static final String SIGNATURE = "+aq++oejIbCGgD9j+8ApzPFHy/KRQOwOpxEZ7fTTog8=";
    private static final long SIGNED_AT = 1_700_000_000_000L;

    private static SignatureVerifier verifierAt(long nowMillis) {
        return new SignatureVerifier(List.of(CREDENTIALS), Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC));
    }

    private static Verification verifyAt(long nowMillis) {
        return verifierAt(nowMillis).verify("PATCH", PATH, "1700000000000", CREDENTIALS.accessKey(), SIGNATURE);
    }

    @Test
    void acceptsTheReferenceVector() {
        Verification result = verifyAt(SIGNED_AT);
        assertThat(result.isValid()).isTrue();
        assertThat(result.accessKey()).isEqualTo("TESTACCESSKEY0000000");
    }

    @Test
    void acceptsATimestampJustUnderFiveMinutesOffInEitherDirection() {
        assertThat(verifyAt(SIGNED_AT + 299_999).isValid()).isTrue();
        assertThat(verifyAt(SIGNED_AT - 299_999).isValid()).isTrue();
    }

    @Test
    void rejectsATimestampFiveMinutesOrMoreOffInEitherDirection() {
        for (long now : new long[] {SIGNED_AT + 300_000, SIGNED_AT - 300_000, SIGNED_AT + 86_400_000}) {
            Verification result = verifyAt(now);
            assertThat(result.failure()).isEqualTo(Verification.Failure.STALE_TIMESTAMP);
            assertThat(result.details()).contains("5 minutes");
        }
    }

    @Test
    void rejectsAWrongSignatureWithoutTellingTheExpectedOne() {
        Verification result = verifierAt(SIGNED_AT)
                .verify("PATCH", PATH, "1700000000000", CREDENTIALS.accessKey(), "hEZEjmQBZHrGcsFa67kdK57NVe46ChUvyZ/LNuMi53c=");
        assertThat(result.failure()).isEqualTo(Verification.Failure.BAD_SIGNATURE);
        assertThat(result.details()).doesNotContain(SIGNATURE);
    }

    @Test
    void rejectsASignatureOfAnotherPathMethodOrQuery() {
        SignatureVerifier verifier = verifierAt(SIGNED_AT);
        assertThat(verifier.verify("PUT", PATH, "1700000000000", CREDENTIALS.accessKey(), SIGNATURE).failure())
                .isEqualTo(Verification.Failure.BAD_SIGNATURE);
        assertThat(verifier.verify("PATCH", PATH + "?x=1", "1700000000000", CREDENTIALS.accessKey(), SIGNATURE).failure())
                .isEqualTo(Verification.Failure.BAD_SIGNATURE);
        assertThat(verifier.verify("PATCH", "/api-keys/abcde12345", "1700000000000", CREDENTIALS.accessKey(), SIGNATURE).failure())
                .isEqualTo(Verification.Failure.BAD_SIGNATURE);
    }

    @Test
    void rejectsASignatureThatIsNotBase64() {
        assertThat(verifierAt(SIGNED_AT).verify("PATCH", PATH, "1700000000000", CREDENTIALS.accessKey(), "not base64!!").failure())
                .isEqualTo(Verification.Failure.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnUnknownAccessKey() {
        assertThat(verifierAt(SIGNED_AT).verify("PATCH", PATH, "1700000000000", "SOMEONEELSE", SIGNATURE).failure())
                .isEqualTo(Verification.Failure.UNKNOWN_ACCESS_KEY);
    }

    @Test
    void namesEveryMissingHeader() {
        Verification result = verifierAt(SIGNED_AT).verify("PATCH", PATH, null, " ", SIGNATURE);
        assertThat(result.failure()).isEqualTo(Verification.Failure.MISSING_HEADER);
        assertThat(result.details()).contains("x-ncp-apigw-timestamp", "x-ncp-iam-access-key").doesNotContain("signature-v2");
    }

    @Test
    void rejectsATimestampThatIsNotEpochMillis() {
        for (String timestamp : new String[] {"2024-05-08T00:21:31Z", "-1700000000000", "17000000000000000000000"}) {
            assertThat(verifierAt(SIGNED_AT).verify("PATCH", PATH, timestamp, CREDENTIALS.accessKey(), SIGNATURE).failure())
                    .isEqualTo(Verification.Failure.MALFORMED_TIMESTAMP);
        }
    }

    /** Regression: 19 digits pass the length check but overflow a long; they used to throw, a 500 on the server. */
    @Test
    void rejectsNineteenDigitTimestampsThatOverflowALong() {
        for (String timestamp : new String[] {"9999999999999999999", "9223372036854775808", "\u0661\u0667\u0660\u0660", " 1700000000000", "1.7e12"}) {
            assertThat(verifierAt(SIGNED_AT).verify("PATCH", PATH, timestamp, CREDENTIALS.accessKey(), SIGNATURE).failure())
                    .as(timestamp).isEqualTo(Verification.Failure.MALFORMED_TIMESTAMP);
        }
        assertThat(verifierAt(SIGNED_AT).verify("PATCH", PATH, "9223372036854775807", CREDENTIALS.accessKey(), SIGNATURE).failure())
                .isEqualTo(Verification.Failure.STALE_TIMESTAMP);
    }
}
