package dev.contractkit.ncp.server.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.contractkit.ncp.server.SignedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Proxy mode with an upstream that takes the connection and never answers: 504 "510" once {@code ncp.mock.upstream-timeout} has passed. */
@QuarkusTest
@TestProfile(TroubledUpstreams.SilentProfile.class)
class SilentUpstreamTest {
    @Inject
    Clock clock;

    @Test
    void theCallIs504OnceTheTimeoutHasPassed() {
        long started = System.nanoTime();
        SignedRequests.as(SignedRequests.TENANT_A, clock).send("GET", "/api/v1/api-keys").then()
                .statusCode(504).body("error.errorCode", equalTo("510"));
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(900L, 10_000L);
        assertThat(given().get("/mock/drift").then().statusCode(200).extract().jsonPath().getInt("checkedExchanges")).isZero();
    }
}
