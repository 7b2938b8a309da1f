package dev.contractkit.ncp.server.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.testsupport.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /mock/requests: what the mock answered, oldest first, with filters; DELETE clears it. */
@QuarkusTest
class RequestJournalTest {

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URI root;

    SignedRequests tenant;

    @BeforeEach
    void clear() {
        tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        // from the seed, whatever other test classes changed in this shared application
        given().contentType("application/json").post("/mock/reset").then().statusCode(200);
        given().contentType("application/json").delete("/mock/requests").then().statusCode(204);
    }

    private static List<Map<String, Object>> journal(String query) {
        return given().get("/mock/requests" + query).then().statusCode(200).extract().jsonPath().getList("requests");
    }

    @Test
    void recordsEachAnsweredRequestOldestFirstWithItsErrorCode() {
        tenant.sendJson("PATCH", "/api/v1/api-keys/seedweb001?x=1", "{\"keyType\": \"SECONDARY\"}").then().statusCode(200);
        tenant.sendJson("PATCH", "/api/v1/api-keys/seedweb001", "{\"keyType\": \"NOPE\"}").then().statusCode(400);
        Response unsigned = given().get("/api/v1/api-keys");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.getHeader("x-ncp-mock-error-code")).as("the internal header never reaches a client").isNull();

        List<Map<String, Object>> entries = journal("");
        assertThat(entries).hasSize(3);
        Map<String, Object> first = entries.get(0);
        assertThat(first).containsEntry("method", "PATCH").containsEntry("path", "/api/v1/api-keys/seedweb001?x=1")
                .containsEntry("accessKey", SignedRequests.TENANT_A.accessKey()).containsEntry("status", 200)
                .containsEntry("errorCode", null).containsEntry("body", "{\"keyType\": \"SECONDARY\"}")
                .containsKeys("time", "durationMs");
        assertThat(entries.get(1)).containsEntry("status", 400).containsEntry("errorCode", "100");
        assertThat(entries.get(2)).containsEntry("status", 401).containsEntry("errorCode", "200").containsEntry("body", null)
                .containsEntry("accessKey", null);
    }

    @Test
    void filtersByMethodPathPrefixAndStatusAndIsNotJournaledItself() {
        tenant.send("GET", "/api/v1/api-keys").then().statusCode(200);
        tenant.send("GET", "/api/v1/api-keys/seedmob002").then().statusCode(200);
        tenant.send("GET", "/api/v1/api-keys/nosuchkey0").then().statusCode(404);
        tenant.sendJson("PATCH", "/api/v1/api-keys/seedmob002", "{\"keyType\": \"PRIMARY\"}").then().statusCode(200);
        journal("");
        journal("?status=404");

        assertThat(journal("")).hasSize(4);
        assertThat(journal("?method=PATCH")).extracting(entry -> entry.get("path")).containsExactly("/api/v1/api-keys/seedmob002");
        assertThat(journal("?path=/api/v1/api-keys/seed")).hasSize(2);
        assertThat(journal("?status=404")).extracting(entry -> entry.get("errorCode")).containsExactly("300");
        assertThat(journal("?method=get&status=200")).hasSize(2);
    }

    @Test
    void aLongBodyIsCutAt4Kb() {
        String name = "x".repeat(6000);
        tenant.sendJson("POST", "/api/v1/api-keys", "{\"apiKeyName\": \"" + name + "\"}").then().statusCode(400);
        JsonPath journal = given().get("/mock/requests").then().extract().jsonPath();
        assertThat(journal.getString("requests[0].body")).hasSize(4096).startsWith("{\"apiKeyName\": \"xxx");
    }

    /**
     * A client that holds its answer finds its request in the journal: each call on a fresh connection, its
     * answer read up to its {@code Content-Length} (as a client does, without waiting for the connection to
     * close), then the journal read at once, a thousand times.
     */
    @Test
    void aRequestIsInTheJournalBeforeItsAnswerReachesTheClient() throws Exception {
        int missing = 0;
        for (int i = 0; i < 1000; i++) {
            String path = "/api/v1/api-keys/probe" + i;
            assertThat(answerStatus(root.getPort(), path)).isEqualTo(401);
            RawHttp.Answer journal = RawHttp.send(root.getPort(), "GET", "/mock/requests?path=" + path, List.of(), null);
            if (!journal.body().contains("\"" + path + "\"")) {
                missing++;
            }
        }
        assertThat(missing).as("calls whose request the journal did not yet hold when the answer arrived").isZero();
    }

    /** GET on a fresh keep-alive connection; the status once the whole answer (head and Content-Length body) is in. */
    private static int answerStatus(int port, String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                assertThat(next).as("the answer's head").isNotNegative();
                head.append((char) next);
            }
            int length = head.toString().lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                    .mapToInt(line -> Integer.parseInt(line.substring(15).trim())).findFirst().orElse(0);
            assertThat(in.readNBytes(length)).hasSize(length);
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
