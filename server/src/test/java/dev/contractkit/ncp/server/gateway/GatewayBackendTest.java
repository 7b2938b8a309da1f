package dev.contractkit.ncp.server.gateway;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import dev.contractkit.ncp.server.seed.SeedData;
import dev.contractkit.ncp.server.subscription.CatalogProduct;
import dev.contractkit.ncp.server.subscription.ProductCatalog;
import dev.contractkit.ncp.testsupport.FreePort;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stage with a backend ({@code endpointDomain}): the gateway forwards admitted calls and maps a down or slow backend to NCP's codes. */
@QuarkusTest
class GatewayBackendTest {
    @Inject
    ProductCatalog catalog;

    @Inject
    Tenants tenants;

    @Inject
    SeedData seed;

    @Inject
    TestClock clock;

    HttpServer backend;
    final Map<String, String> seen = new ConcurrentHashMap<>();
    final CountDownLatch release = new CountDownLatch(1);
    String key;

    @BeforeEach
    void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/v2/orders", exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("uri", exchange.getRequestURI().toString());
            seen.put("apiKey", String.valueOf(exchange.getRequestHeaders().getFirst("x-ncp-apigw-api-key")));
            seen.put("custom", String.valueOf(exchange.getRequestHeaders().getFirst("X-Trace")));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"orderId\": 7}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Backend", "yes");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        backend.createContext("/v2/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        backend.start();
        String tenantId = tenants.forAccessKey(SignedRequests.TENANT_A.accessKey()).tenantId();
        catalog.put(tenantId, product("backendp01", "backend001", "http://127.0.0.1:" + backend.getAddress().getPort() + "/v2"));
        catalog.put(tenantId, product("downprod01", "down000001", "http://127.0.0.1:" + FreePort.find()));
        key = SignedRequests.as(SignedRequests.TENANT_A, clock).create("backend-key", "d").then().statusCode(201)
                .extract().jsonPath().getString("apiKey.primaryKey");
    }

    private static CatalogProduct product(String productId, String invokeId, String backendUrl) {
        CatalogProduct.Stage stage = new CatalogProduct.Stage(productId.substring(0, 6) + "stg1", "live", true,
                List.of(new CatalogProduct.UsagePlan("plan" + productId.substring(0, 6), "Open")), 0, backendUrl);
        return new CatalogProduct(productId, "Backend " + productId, "", SubscriptionCode.PUBLIC, true, invokeId, Instant.EPOCH,
                List.of(new CatalogProduct.Api(productId.substring(0, 6) + "api1", "shop", List.of(stage))));
    }

    @AfterEach
    void stopBackend() {
        release.countDown();
        backend.stop(0);
        seed.reset().await().indefinitely();
    }

    @Test
    void anAdmittedCallGoesToTheBackendWithoutTheKeyAndItsAnswerComesBackUnchanged() {
        Response answer = given().header("x-ncp-apigw-api-key", key).header("X-Trace", "t-1").contentType("application/json")
                .body("{\"item\": \"book\"}").post("/gateway/backend001/shop/live/orders?expand=lines");
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.header("X-Backend")).isEqualTo("yes");
        assertThat(answer.asString()).isEqualTo("{\"orderId\": 7}");
        assertThat(seen).containsEntry("method", "POST").containsEntry("uri", "/v2/orders?expand=lines").containsEntry("apiKey", "null")
                .containsEntry("custom", "t-1").containsEntry("body", "{\"item\": \"book\"}");
    }

    @Test
    void aRefusedCallNeverReachesTheBackend() {
        assertEnvelope(given().header("x-ncp-apigw-api-key", "not-a-key").get("/gateway/backend001/shop/live/orders"), 401, "200");
        assertThat(seen).isEmpty();
    }

    @Test
    void aBackendThatIsDownIs503AndOneTooSlowIs504WithinTheTimeout() {
        assertThat(assertEnvelope(given().header("x-ncp-apigw-api-key", key).get("/gateway/down000001/shop/live/x"), 503, "500"))
                .contains("could not be reached");
        long started = System.nanoTime();
        assertThat(assertEnvelope(given().header("x-ncp-apigw-api-key", key).get("/gateway/backend001/shop/live/slow"), 504, "510"))
                .contains("1000 ms");
        assertThat((System.nanoTime() - started) / 1_000_000).as("answered at the 1 s timeout of the test profile").isLessThan(5_000);
    }
}
