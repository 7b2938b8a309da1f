package dev.contractkit.ncp.server.admin;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SeededTenantTest;
import dev.contractkit.ncp.server.SignedRequests;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console's routes as its page uses them: the picker, a tenant's state (values masked as NCP's console
 * masks them), the signatures its buttons send, the live stream, and NCP's envelope for every bad input.
 */
@QuarkusTest
class ConsoleRoutesTest extends SeededTenantTest {
    static final String WEATHER_NOW = "/gateway/wthr7k2m4q/weather-observations/prod/now";

    @TestHTTPResource
    URL base;

    private static JsonPath state(String tenantRef) {
        return given().queryParam("tenant", tenantRef).get("/mock/console/state").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void thePageIsServedWholeWithNothingFromElsewhere() {
        String page = given().get("/mock/console").then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(page).contains("<title>NCP mock console</title>", "/mock/console/events", "/mock/console/sign")
                .doesNotContain("src=\"", "<link", "https://");
        assertThat(page.replace("'http://www.w3.org/2000/svg'", "")).as("no address but the SVG namespace").doesNotContain("http://");
    }

    @Test
    void thePickerListsTheConfiguredTenantsAndTheLiveWorkspaces() {
        JsonPath made = given().contentType("application/json").body("{\"name\": \"picker\"}").post("/mock/workspaces")
                .then().statusCode(201).extract().jsonPath();
        String id = made.getString("workspace.workspaceId");
        try {
            JsonPath tenants = given().get("/mock/console/tenants").then().statusCode(200).extract().jsonPath();
            assertThat(tenants.getList("tenants.ref")).containsExactly("tenant:0", "tenant:1");
            assertThat(tenants.getString("tenants[0].label")).contains(SignedRequests.TENANT_A.accessKey());
            assertThat(tenants.getList("workspaces.ref")).contains("workspace:" + id);
            assertThat(given().get("/mock/console/tenants").asString()).as("never a secret")
                    .doesNotContain(made.getString("workspace.secretKey"), SignedRequests.TENANT_A.secretKey());
            assertThat(state("workspace:" + id).getList("keys")).as("the workspace's own seeded keys").isNotEmpty();
            // a button on a workspace's page: signed with the workspace's credentials, it changes the workspace's key alone
            String path = "/api/v1/api-keys/seedweb001";
            Map<String, String> asWorkspace = given().contentType("application/json")
                    .body(Map.of("tenant", "workspace:" + id, "method", "PATCH", "path", path)).post("/mock/console/sign")
                    .then().statusCode(200).extract().jsonPath().getMap("", String.class, String.class);
            assertThat(asWorkspace).containsEntry("x-ncp-iam-access-key", made.getString("workspace.accessKey"));
            String before = state("tenant:0").getString("keys.find { it.apiKeyId == 'seedweb001' }.primaryKey");
            String regenerated = given().headers(asWorkspace).contentType("application/json").body("{\"keyType\": \"PRIMARY\"}").patch(path)
                    .then().statusCode(200).extract().path("apiKey.primaryKey");
            assertThat(state("workspace:" + id).getString("keys.find { it.apiKeyId == 'seedweb001' }.primaryKey"))
                    .isEqualTo("*****" + regenerated.substring(regenerated.length() - 4));
            assertThat(state("tenant:0").getString("keys.find { it.apiKeyId == 'seedweb001' }.primaryKey")).as("the configured tenant's key")
                    .isEqualTo(before);
        } finally {
            given().contentType("application/json").delete("/mock/workspaces/" + id).then().statusCode(204);
        }
        assertThat(given().get("/mock/console/tenants").jsonPath().getList("workspaces.ref")).doesNotContain("workspace:" + id);
    }

    @Test
    void aTenantsStateShowsKeysMaskedItsCatalogueSubscriptionsAndJournal() {
        JsonPath created = tenant.create("console-key", "shown masked").then().statusCode(201).extract().jsonPath();
        String id = created.getString("apiKey.apiKeyId");
        String primary = created.getString("apiKey.primaryKey");
        tenant.sendJson("POST", "/api/v1/api-keys/" + id + "/subscribe", "{\"productId\": \"prodprt002\"}").then().statusCode(200);

        Response answer = given().queryParam("tenant", "tenant:0").get("/mock/console/state");
        assertThat(answer.asString()).as("no key value, whole").doesNotContain(primary, created.getString("apiKey.secondaryKey"));
        JsonPath state = answer.jsonPath();
        Map<String, Object> key = state.getMap("keys.find { it.apiKeyId == '" + id + "' }");
        assertThat(key).containsEntry("apiKeyName", "console-key").containsEntry("enabled", true)
                .containsEntry("primaryKey", "*****" + primary.substring(primary.length() - 4));
        assertThat(state.getInt("keyTotal")).isEqualTo(state.getList("keys").size());
        assertThat(state.getList("products.productId")).contains("prodpub001", "prodprt002");
        assertThat(state.getString("subscriptions.find { it.apiKeyId == '" + id + "' }.status")).isEqualTo("REQUEST");
        assertThat(state.getList("journal.path")).as("newest first").first().asString().startsWith("/api/v1/api-keys/" + id + "/subscribe");
        assertThat(state.getBoolean("proxy")).isFalse();
        assertThat(state("tenant:1").getList("keys.apiKeyId")).as("another tenant's keys are its own").doesNotContain(id);
        assertThat(given().get("/mock/requests").jsonPath().getList("requests.path", String.class))
                .as("the console's own reads are not journaled").noneMatch(path -> path.startsWith("/mock/console"));
    }

    @Test
    void gatewayCallsAreChartedPerMinuteByKeyAndPlanWithTheRefusalsCode() {
        JsonPath created = tenant.create("charted", "gateway").then().statusCode(201).extract().jsonPath();
        String id = created.getString("apiKey.apiKeyId");
        String primary = created.getString("apiKey.primaryKey");
        for (int i = 0; i < 3; i++) {
            given().header("x-ncp-apigw-api-key", primary).get(WEATHER_NOW).then().statusCode(200);
        }
        tenant.sendJson("PUT", "/api/v1/api-keys/" + id, "{\"apiKeyName\": \"charted\", \"isEnabled\": false}").then().statusCode(200);
        assertEnvelope(given().header("x-ncp-apigw-api-key", primary).get(WEATHER_NOW), 401, "200");

        List<Map<String, Object>> counts = state("tenant:0").getList("usage.counts.findAll { it.id == '" + id + "' }");
        assertThat(counts).extracting(count -> count.get("verdict") + "=" + count.get("count"))
                .containsExactlyInAnyOrder("ADMITTED=3", "DISABLED_KEY=1");
        assertThat(counts).filteredOn(count -> count.get("verdict").equals("DISABLED_KEY"))
                .extracting(count -> count.get("status") + " " + count.get("code")).containsExactly("401 200");
        JsonPath state = state("tenant:0");
        long minute = state.getLong("usage.toMinute");
        assertThat(state.getLong("usage.fromMinute")).isEqualTo(minute - 59);
        assertThat(state.getList("usage.counts.findAll { it.subject == 'PLAN' }.id")).as("the stage's default plan").isNotEmpty();
    }

    @Test
    void theButtonsSignaturesAreTheTenantsAndWorkOnTheApi() {
        String id = tenant.createdId("signed-from-page");
        String path = "/api/v1/api-keys/" + id;
        Map<String, String> headers = given().contentType("application/json")
                .body(Map.of("tenant", "tenant:0", "method", "patch", "path", path)).post("/mock/console/sign")
                .then().statusCode(200).extract().jsonPath().getMap("", String.class, String.class);
        assertThat(headers).containsEntry("x-ncp-iam-access-key", SignedRequests.TENANT_A.accessKey())
                .containsKeys("x-ncp-apigw-timestamp", "x-ncp-apigw-signature-v2").hasSize(3);
        assertThat(headers.toString()).doesNotContain(SignedRequests.TENANT_A.secretKey());
        given().headers(headers).contentType("application/json").body("{\"keyType\": \"SECONDARY\"}").patch(path).then().statusCode(200);

        Map<String, String> asB = given().contentType("application/json").body(Map.of("tenant", "tenant:1", "method", "GET", "path", path))
                .post("/mock/console/sign").jsonPath().getMap("", String.class, String.class);
        assertEnvelope(given().headers(asB).get(path), 404, "300");
    }

    @Test
    void everyBadInputIsNcpsEnvelopeAndChangesNothing() {
        int before = state("tenant:0").getInt("keyTotal");
        assertEnvelope(given().queryParam("tenant", "tenant:9").get("/mock/console/state"), 404, "300");
        assertEnvelope(given().queryParam("tenant", "tenant:x").get("/mock/console/state"), 404, "300");
        assertEnvelope(given().queryParam("tenant", "workspace:nope").get("/mock/console/events"), 404, "300");
        assertEnvelope(given().queryParam("tenant", "somebody").get("/mock/console/state"), 404, "300");
        assertEnvelope(given().contentType("application/json").body("{\"tenant\": \"tenant:9\", \"method\": \"GET\", \"path\": \"/api/v1/api-keys\"}")
                .post("/mock/console/sign"), 404, "300");
        assertEnvelope(given().contentType("application/json").body("not json").post("/mock/console/sign"), 400, "100");
        assertEnvelope(given().contentType("application/json").body("{\"tenant\": \"tenant:0\"}").post("/mock/console/sign"), 400, "100");
        assertEnvelope(given().contentType("text/plain").body("{}").post("/mock/console/sign"), 400, "100");
        assertThat(state("tenant:0").getInt("keyTotal")).isEqualTo(before);
    }

    @Test
    void theStreamSendsTheStateAndAgainWhenItChanges() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                + "/mock/console/events?tenant=tenant:0")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String> events = new ArrayBlockingQueue<>(100);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        events.add(line.substring(6));
                    }
                }
            } catch (Exception closed) {
                // the test ends the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String first = events.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("the state, at once").contains("\"keys\"").doesNotContain("streamed-key");
            tenant.createdId("streamed-key");
            String next = events.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("the change, without asking").contains("streamed-key");
        } finally {
            stream.body().close();
            reader.interrupt();
        }
    }
}
