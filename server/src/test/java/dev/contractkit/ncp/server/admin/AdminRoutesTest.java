package dev.contractkit.ncp.server.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every /mock/* route answers from one table with one error path. */
@QuarkusTest
class AdminRoutesTest {

    @Test
    void eachAdminRouteAnswersFromTheTable() {
        given().contentType("application/json").post("/mock/reset").then().statusCode(200).body("seededApiKeys", equalTo(6));
        given().get("/mock/requests").then().statusCode(200).contentType("application/json");
        given().contentType("application/json").delete("/mock/requests").then().statusCode(204);
        given().get("/mock/swagger-ui/signing").then().statusCode(200).header("Cache-Control", "no-store");
        given().contentType("application/json").body("{\"action\":\"teardown\"}").post("/mock/provider-states").then().statusCode(200);
    }

    @Test
    void aRefusedAdminRequestGetsNcpsEnvelope() {
        given().contentType("application/json").body("not json").post("/mock/provider-states")
                .then().statusCode(400).body("error.errorCode", equalTo("100"));
        given().contentType("application/json").body("{\"action\":\"explode\"}").post("/mock/provider-states")
                .then().statusCode(400).body("error.errorCode", equalTo("100"))
                .body("error.details", equalTo("action must be setup or teardown, not 'explode'."));
        given().contentType("application/json").body("{\"state\":\"a state nobody knows\"}").post("/mock/provider-states")
                .then().statusCode(400).body("error.errorCode", equalTo("100"));
    }
}
