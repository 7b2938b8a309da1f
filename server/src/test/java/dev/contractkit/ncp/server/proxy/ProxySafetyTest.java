package dev.contractkit.ncp.server.proxy;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.signature.NcpCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A proxy never lends the real credentials to a stranger: the published default pair opens nothing, writes need
 * the user's say-so, pages of other origins get no CORS answer, {@code /mock/*} takes the admin token, and no
 * answer, journal entry, recording, drift report or log line carries the upstream credentials or the token.
 */
@QuarkusTest
@TestProfile(ProxyDriftTest.Profile.class)
class ProxySafetyTest {
    @Inject
    Clock clock;

    private SignedRequests user() {
        return SignedRequests.as(SignedRequests.TENANT_A, clock);
    }

    private int arrivals() {
        return DriftedUpstream.upstream.arrivals().size();
    }

    @Test
    void thePublishedDefaultPairOpensNothingAndNothingReachesTheUpstream() {
        int before = arrivals();
        SignedRequests stranger = SignedRequests.as(new NcpCredentials("MOCKACCESSKEY0000001", "MOCKSECRETKEY000000000000000000000000001"), clock);
        assertEnvelope(stranger.send("GET", "/api/v1/api-keys"), 401, "200");
        assertEnvelope(stranger.sendJson("POST", "/api/v1/api-keys", "{\"apiKeyName\": \"stolen\"}"), 401, "200");
        assertEnvelope(stranger.sendJson("PATCH", "/api/v1/api-keys/seedweb001", "{\"keyType\": \"PRIMARY\"}"), 401, "200");
        assertThat(arrivals()).isEqualTo(before);
    }

    @Test
    void theUsersOwnCredentialsReadThroughButWritesAreRefusedUntilAllowed() {
        int before = arrivals();
        user().send("GET", "/api/v1/api-keys").then().statusCode(200);
        assertThat(arrivals()).isEqualTo(before + 1);
        assertThat(DriftedUpstream.upstream.arrivals().get(before).method()).isEqualTo("GET");

        List<Response> writes = List.of(user().sendJson("POST", "/api/v1/api-keys", "{\"apiKeyName\": \"new\"}"),
                user().sendJson("PATCH", "/api/v1/api-keys/seedweb001", "{\"keyType\": \"SECONDARY\"}"),
                user().sendJson("PUT", "/api/v1/api-keys/seedweb001", "{\"apiKeyName\": \"renamed\", \"isEnabled\": true}"),
                user().send("DELETE", "/api/v1/api-keys/seedweb001"));
        for (Response write : writes) {
            assertThat(assertEnvelope(write, 403, "230")).contains("ncp.mock.upstream-allow-writes");
        }
        assertThat(DriftedUpstream.upstream.arrivals()).hasSize(before + 1)
                .allSatisfy(arrival -> assertThat(arrival.method()).isIn("GET", "HEAD"));
    }

    @Test
    void aPageOfAnUnlistedOriginGetsNoCorsAnswerAndItsCallsGoNowhere() {
        int before = arrivals();
        Response preflight = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-ncp-iam-access-key").options("/api/v1/api-keys");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Response simple = user().signed("GET", "/api/v1/api-keys").header("Origin", "https://evil.example").get("/api/v1/api-keys");
        assertEnvelope(simple, 403, "230");
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
        assertThat(arrivals()).isEqualTo(before);

        given().header("Origin", DriftedUpstream.TRUSTED_ORIGIN).header("Access-Control-Request-Method", "GET").options("/api/v1/api-keys")
                .then().statusCode(200).header("Access-Control-Allow-Origin", DriftedUpstream.TRUSTED_ORIGIN);
    }

    @Test
    void aRequestAddressedToAnotherNameIsRefusedSoARebindingPageIsNotTakenForTheProxysOwn() {
        int before = arrivals();
        Response rebound = user().signed("GET", "/api/v1/api-keys").header("Host", "evil.example:8080").header("Origin", "http://evil.example:8080")
                .get("/api/v1/api-keys");
        assertEnvelope(rebound, 403, "230");
        assertThat(arrivals()).isEqualTo(before);
    }

    /** By design: the upstream is one real account, and a proxy forwards only the calls of its own client pair. */
    @Test
    void aWorkspacesCredentialsAreRefusedUnderItsPrefixAndAtTheUsualPathsAndNothingReachesTheUpstream() {
        io.restassured.path.json.JsonPath made = given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN).contentType("application/json").body("{}")
                .post("/mock/workspaces").then().statusCode(201).extract().jsonPath();
        String id = made.getString("workspace.workspaceId");
        NcpCredentials workspace = new NcpCredentials(made.getString("workspace.accessKey"), made.getString("workspace.secretKey"));
        try {
            int before = arrivals();
            SignedRequests caller = SignedRequests.as(workspace, clock);
            assertThat(assertEnvelope(caller.send("GET", "/workspaces/" + id + "/api/v1/api-keys"), 401, "200")).contains("workspace");
            assertEnvelope(caller.send("GET", "/api/v1/api-keys"), 401, "200");
            assertThat(arrivals()).isEqualTo(before);
        } finally {
            given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN).contentType("application/json").delete("/mock/workspaces/" + id).then().statusCode(204);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mock/drift", "/mock/requests", "/mock/swagger-ui/signing"})
    void theAdminRoutesTakeTheToken(String path) {
        assertEnvelope(given().get(path), 401, "200");
        assertEnvelope(given().auth().oauth2("not-the-token").get(path), 401, "200");
        given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN).get(path).then().statusCode(200);
    }

    @Test
    void noAnswerJournalRecordingDriftReportOrLogLineCarriesTheUpstreamCredentialsOrTheToken() throws IOException {
        List<String> seen = new ArrayList<>();
        // every kind of answer: proxied reads, refusals, errors of the mock's own, the admin routes
        seen.add(user().send("GET", "/api/v1/api-keys?offset=0&limit=5").asString());
        seen.add(user().send("GET", "/api/v1/products/prodpub001").asString());
        seen.add(user().send("GET", "/api/v1/api-keys/nosuchkey1").asString());
        seen.add(user().sendJson("PATCH", "/api/v1/api-keys/seedweb001", "{\"keyType\": \"PRIMARY\"}").asString());
        seen.add(SignedRequests.as(new NcpCredentials(SignedRequests.TENANT_A.accessKey(), "WRONG"), clock).send("GET", "/api/v1/api-keys").asString());
        seen.add(given().get("/mock/requests").asString());
        seen.add(given().header("Authorization", "Bearer " + DriftedUpstream.ADMIN_TOKEN.substring(0, 10)).get("/mock/drift").asString());
        seen.add(given().get("/q/openapi").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN).get("/mock/drift").jsonPath()
                .getLong("checkedExchanges") >= 3);
        for (String path : List.of("/mock/drift", "/mock/requests", "/mock/swagger-ui/signing")) {
            seen.add(given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN).get(path).then().statusCode(200).extract().asString());
        }
        seen.add(given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN).contentType("application/json").body("{\"name\": \"w\"}")
                .post("/mock/workspaces").asString());
        seen.addAll(files(DriftedUpstream.recordings));
        String log = Files.readString(DriftedUpstream.log);
        assertThat(log).as("the log file is written").contains("proxy mode");
        seen.add(log);

        for (String secret : List.of(DriftedUpstream.SECRET, DriftedUpstream.ACCESS, DriftedUpstream.ADMIN_TOKEN,
                DriftedUpstream.ADMIN_TOKEN.substring(0, 10))) {
            assertThat(seen).as("answers, journal, recording, drift report and log").noneSatisfy(text -> assertThat(text).contains(secret));
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }
}
