package dev.contractkit.ncp.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NcpSignerTest {
    static final NcpCredentials TEST_CREDENTIALS =
            new NcpCredentials("TESTACCESSKEY0000000", "TESTSECRETKEY000000000000000000000000000");
    static final String TIMESTAMP = "1700000000000";

    private final NcpSigner signer = new NcpSigner(TEST_CREDENTIALS);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET   | /api/v1/api-keys?offset=0&limit=10 | HOh7ogh2VFsgR88ZhvmyTXoxzZBlm5ixE97dnOvoxvI=
            POST  | /api/v1/api-keys                   | hEZEjmQBZHrGcsFa67kdK57NVe46ChUvyZ/LNuMi53c=
            PATCH | /api/v1/api-keys/abcde12345        | +aq++oejIbCGgD9j+8ApzPFHy/KRQOwOpxEZ7fTTog8=
            """)
    void signsTheReferenceVectors(String method, String pathAndQuery, String expected) {
        assertThat(signer.sign(method, pathAndQuery, TIMESTAMP)).isEqualTo(expected);
    }

    @Test
    void upperCasesTheMethod() {
        assertThat(signer.sign("patch", "/api/v1/api-keys/abcde12345", TIMESTAMP))
                .isEqualTo("+aq++oejIbCGgD9j+8ApzPFHy/KRQOwOpxEZ7fTTog8=");
    }

    @Test
    void stringToSignUsesOneSpaceAndTwoLineFeedsAndNoTrailingNewline() {
        assertThat(NcpSigner.stringToSign("GET", "/api/v1/api-keys?offset=0&limit=10", TIMESTAMP, "AK"))
                .isEqualTo("GET /api/v1/api-keys?offset=0&limit=10\n1700000000000\nAK");
    }

    @Test
    void pathAndQueryAddsAQuestionMarkOnlyWhenThereIsAQuery() {
        assertThat(NcpSigner.pathAndQuery("/api/v1/api-keys", null)).isEqualTo("/api/v1/api-keys");
        assertThat(NcpSigner.pathAndQuery("/api/v1/api-keys", "")).isEqualTo("/api/v1/api-keys");
        assertThat(NcpSigner.pathAndQuery("/api/v1/api-keys", "apiKeyName=a%20b&offset=0"))
                .isEqualTo("/api/v1/api-keys?apiKeyName=a%20b&offset=0");
    }

    @Test
    void signaturesAreAlways44Base64Characters() {
        assertThat(signer.sign("GET", "/api/v1/api-keys/" + "x".repeat(500), TIMESTAMP))
                .hasSize(44)
                .matches("[A-Za-z0-9+/]{43}=");
    }

    @Test
    void isSafeToShareBetweenThreads() throws InterruptedException {
        var results = new ConcurrentLinkedQueue<String>();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                for (int j = 0; j < 500; j++) {
                    results.add(signer.sign("POST", "/api/v1/api-keys", TIMESTAMP));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).hasSize(4000).containsOnly("hEZEjmQBZHrGcsFa67kdK57NVe46ChUvyZ/LNuMi53c=");
    }
}
