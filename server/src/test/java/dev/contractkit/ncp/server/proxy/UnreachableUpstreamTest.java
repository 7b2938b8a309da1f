package dev.contractkit.ncp.server.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.contractkit.ncp.server.SignedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Proxy mode with an upstream where nothing listens: 503 "500" in NCP's envelope, not counted as drift. */
@QuarkusTest
@TestProfile(TroubledUpstreams.ClosedProfile.class)
class UnreachableUpstreamTest {
    @Inject
    Clock clock;

    @Test
    void theCallIs503InNcpsEnvelope() {
        SignedRequests.as(SignedRequests.TENANT_A, clock).send("GET", "/api/v1/api-keys").then()
                .statusCode(503).body("error.errorCode", equalTo("500")).body("error.details", containsString("127.0.0.1"));
        assertThat(given().get("/mock/drift").then().statusCode(200).extract().jsonPath().getInt("checkedExchanges")).isZero();
    }
}
