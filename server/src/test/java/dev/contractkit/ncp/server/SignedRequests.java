package dev.contractkit.ncp.server;

import static io.restassured.RestAssured.given;

import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;

/** Sends requests to the mock signed the NCP way, as a tenant of the test configuration. */
public final class SignedRequests {
    public static final NcpCredentials TENANT_A =
            new NcpCredentials("TESTACCESSKEY0000000", "TESTSECRETKEY000000000000000000000000000");
    public static final NcpCredentials TENANT_B =
            new NcpCredentials("OTHERACCESSKEY000002", "OTHERSECRETKEY00000000000000000000000002");

    private final NcpCredentials credentials;
    private final Clock clock;

    private SignedRequests(NcpCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    public static SignedRequests as(NcpCredentials credentials, Clock clock) {
        return new SignedRequests(credentials, clock);
    }

    /** A request for {@code method} and {@code pathAndQuery} (from the host root), with the three signed headers. */
    public RequestSpecification signed(String method, String pathAndQuery) {
        String timestamp = Long.toString(clock.millis());
        return given()
                .urlEncodingEnabled(false)
                .header(NcpHeaders.TIMESTAMP, timestamp)
                .header(NcpHeaders.ACCESS_KEY, credentials.accessKey())
                .header(NcpHeaders.SIGNATURE, new NcpSigner(credentials).sign(method, pathAndQuery, timestamp));
    }

    public Response send(String method, String pathAndQuery) {
        return signed(method, pathAndQuery).request(method, pathAndQuery);
    }

    public Response sendJson(String method, String pathAndQuery, String json) {
        return signed(method, pathAndQuery).contentType(ContentType.JSON).body(json).request(method, pathAndQuery);
    }

    public Response create(String name, String description) {
        return sendJson("POST", "/api/v1/api-keys", """
                {"apiKeyName": "%s", "apiKeyDescription": "%s"}
                """.formatted(name, description));
    }

    public String createdId(String name) {
        return create(name, "made by a test").then().statusCode(201).extract().path("apiKey.apiKeyId");
    }

    public Response get(String apiKeyId) {
        return send("GET", "/api/v1/api-keys/" + apiKeyId);
    }

    public Response regenerate(String apiKeyId, String keyType) {
        return sendJson("PATCH", "/api/v1/api-keys/" + apiKeyId, """
                {"keyType": "%s"}
                """.formatted(keyType));
    }
}
