package dev.contractkit.ncp.server.auth;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SignatureFilterTest {
    private static final NcpCredentials TEST = SignedRequests.TENANT_A;
    private static final long REFERENCE_TIMESTAMP = 1_700_000_000_000L;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private RequestSpecification headers(String timestamp, String accessKey, String signature) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (timestamp != null) {
            request.header(NcpHeaders.TIMESTAMP, timestamp);
        }
        if (accessKey != null) {
            request.header(NcpHeaders.ACCESS_KEY, accessKey);
        }
        if (signature != null) {
            request.header(NcpHeaders.SIGNATURE, signature);
        }
        return request;
    }

    /** The reference file's three vectors, sent at the reference time: the mock must accept each signature. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET   | /api/v1/api-keys?offset=0&limit=10 | HOh7ogh2VFsgR88ZhvmyTXoxzZBlm5ixE97dnOvoxvI= | 200
            POST  | /api/v1/api-keys                   | hEZEjmQBZHrGcsFa67kdK57NVe46ChUvyZ/LNuMi53c= | 201
            PATCH | /api/v1/api-keys/abcde12345        | +aq++oejIbCGgD9j+8ApzPFHy/KRQOwOpxEZ7fTTog8= | 404
            """)
    void acceptsTheReferenceVectors(String method, String pathAndQuery, String signature, int expectedStatus) {
        clock.fixAt(REFERENCE_TIMESTAMP);
        RequestSpecification request = headers("1700000000000", TEST.accessKey(), signature);
        if (!method.equals("GET")) {
            request.contentType("application/json").body(method.equals("POST") ? """
                    {"apiKeyName": "vector"}
                    """ : """
                    {"keyType": "PRIMARY"}
                    """);
        }
        Response response = request.request(method, pathAndQuery);
        // abcde12345 does not exist: getting past authentication to "not found" proves the signature was accepted
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expectedStatus);
    }

    @Test
    void signsTheQueryExactlyAsSent() {
        SignedRequests tenant = SignedRequests.as(TEST, clock);
        tenant.send("GET", "/api/v1/api-keys?limit=5&offset=0&apiKeyName=web%2Dfront").then().statusCode(200);

        String timestamp = Long.toString(clock.millis());
        String signedForOtherOrder = new NcpSigner(TEST).sign("GET", "/api/v1/api-keys?offset=0&limit=5", timestamp);
        assertEnvelope(headers(timestamp, TEST.accessKey(), signedForOtherOrder).get("/api/v1/api-keys?limit=5&offset=0"), 401, "200");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {NcpHeaders.TIMESTAMP, NcpHeaders.ACCESS_KEY, NcpHeaders.SIGNATURE})
    void aMissingHeaderAnswers401NamingIt(String missing) {
        String timestamp = Long.toString(clock.millis());
        String signature = new NcpSigner(TEST).sign("GET", "/api/v1/api-keys", timestamp);
        Response response = headers(
                missing.equals(NcpHeaders.TIMESTAMP) ? null : timestamp,
                missing.equals(NcpHeaders.ACCESS_KEY) ? null : TEST.accessKey(),
                missing.equals(NcpHeaders.SIGNATURE) ? null : signature).get("/api/v1/api-keys");
        assertThat(assertEnvelope(response, 401, "200")).contains("missing", missing);
    }

    @ParameterizedTest(name = "timestamp {0} ms off")
    @ValueSource(longs = {-300_000, 300_000, -3_600_000, 86_400_000})
    void aTimestampFiveMinutesOrMoreOffAnswers401(long offMillis) {
        clock.fixAt(System.currentTimeMillis());
        String timestamp = Long.toString(clock.millis() + offMillis);
        String signature = new NcpSigner(TEST).sign("GET", "/api/v1/api-keys", timestamp);
        assertThat(assertEnvelope(headers(timestamp, TEST.accessKey(), signature).get("/api/v1/api-keys"), 401, "200"))
                .contains("timestamp", "5 minutes");
    }

    @Test
    void aTimestampJustInsideTheWindowIsAccepted() {
        clock.fixAt(System.currentTimeMillis());
        String timestamp = Long.toString(clock.millis() - 299_999);
        String signature = new NcpSigner(TEST).sign("GET", "/api/v1/api-keys", timestamp);
        headers(timestamp, TEST.accessKey(), signature).get("/api/v1/api-keys").then().statusCode(200);
    }

    @Test
    void aWrongSignatureAnswers401WithoutLeakingTheExpectedOne() {
        String timestamp = Long.toString(clock.millis());
        String expected = new NcpSigner(TEST).sign("GET", "/api/v1/api-keys", timestamp);
        String wrongSecret = new NcpSigner(new NcpCredentials(TEST.accessKey(), "WRONGSECRET")).sign("GET", "/api/v1/api-keys", timestamp);
        Response response = headers(timestamp, TEST.accessKey(), wrongSecret).get("/api/v1/api-keys");
        String details = assertEnvelope(response, 401, "200");
        assertThat(details).contains("signature").doesNotContain(expected);
        assertThat(response.asString()).doesNotContain(expected).doesNotContain(TEST.secretKey());
    }

    @Test
    void aSignatureOfAnotherRequestAnswers401() {
        String timestamp = Long.toString(clock.millis());
        String forGet = new NcpSigner(TEST).sign("GET", "/api/v1/api-keys", timestamp);
        assertEnvelope(headers(timestamp, TEST.accessKey(), forGet).contentType("application/json")
                .body("{\"apiKeyName\": \"x\"}").post("/api/v1/api-keys"), 401, "200");
    }

    @Test
    void anUnknownAccessKeyAnswers401() {
        NcpCredentials stranger = new NcpCredentials("UNKNOWNACCESSKEY0000", "whatever");
        String timestamp = Long.toString(clock.millis());
        String signature = new NcpSigner(stranger).sign("GET", "/api/v1/api-keys", timestamp);
        assertEnvelope(headers(timestamp, stranger.accessKey(), signature).get("/api/v1/api-keys"), 401, "200");
    }

    @Test
    void aTimestampThatIsNotEpochMillisAnswers401() {
        assertEnvelope(headers("2024-05-08T00:21:31Z", TEST.accessKey(), "x").get("/api/v1/api-keys"), 401, "200");
    }

    @Test
    void aRejectedRequestChangesNothing() {
        SignedRequests tenant = SignedRequests.as(TEST, clock);
        String id = tenant.createdId("auth-untouched");
        String before = tenant.get(id).then().extract().path("primaryKey");
        clock.advance(Duration.ofMinutes(10));
        String path = "/api/v1/api-keys/" + id;
        String staleTimestamp = Long.toString(clock.millis() - 600_000);
        assertEnvelope(headers(staleTimestamp, TEST.accessKey(), new NcpSigner(TEST).sign("PATCH", path, staleTimestamp))
                .contentType("application/json").body("{\"keyType\": \"PRIMARY\"}").patch(path), 401, "200");
        assertEnvelope(headers(null, TEST.accessKey(), null).delete(path), 401, "200");
        tenant.get(id).then().statusCode(200).body("primaryKey", Matchers.equalTo(before));
    }
}
