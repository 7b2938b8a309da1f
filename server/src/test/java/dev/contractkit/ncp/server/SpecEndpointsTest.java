package dev.contractkit.ncp.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a frontend meets besides the API: the spec as written, Swagger UI, health and CORS. */
@QuarkusTest
class SpecEndpointsTest {

    @Test
    void servesTheSpecFileItselfNotAScanOfTheCode() throws Exception {
        JsonNode written;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/ncp-openapi/ncp-apigw-apikeys.yaml")) {
            written = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        JsonNode served = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());

        // as written, but for the one documented change: this mock first among the servers
        assertThat(served.at("/servers/0/url").asText()).isEqualTo("/api/v1");
        ArrayNode servers = (ArrayNode) served.get("servers");
        servers.remove(0);
        assertThat(served).isEqualTo(written);
        assertThat(served.at("/components/schemas/ApiKey/properties").has("isEnabled")).isTrue();
    }

    @Test
    void servesTheYamlByteForByteButForTheMockServerEntry() throws Exception {
        String written;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/ncp-openapi/ncp-apigw-apikeys.yaml")) {
            written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String served = given().get("/q/openapi").then().statusCode(200)
                .header("Content-Type", containsString("application/yaml")).extract().asString();
        String entry = "  - url: /api/v1\n    description: This mock, where this page is served from (the default of Try it out)\n";
        assertThat(served).contains("servers:\n" + entry + "  - url: https://apigateway.apigw.ntruss.com/api/v1");
        assertThat(served.replace(entry, "")).isEqualTo(written);
        assertThat(given().get("/q/openapi.yaml").then().statusCode(200).extract().asString()).isEqualTo(served);
    }

    @Test
    void servesJsonOnEveryUsualAsk() throws Exception {
        String byParam = given().queryParam("format", "JSON").get("/q/openapi").then().statusCode(200)
                .header("Content-Type", containsString("application/json")).extract().asString();
        String byAccept = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        String byPath = given().get("/q/openapi.json").then().statusCode(200).extract().asString();
        assertThat(byAccept).isEqualTo(byParam);
        assertThat(byPath).isEqualTo(byParam);
        assertThat(new ObjectMapper().readTree(byParam).at("/paths").has("/api-keys/{api-key-id}")).isTrue();
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void answersHealth() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void answersACorsPreflightFromAnyOriginWithoutASignature() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "content-type,x-ncp-apigw-timestamp,x-ncp-iam-access-key,x-ncp-apigw-signature-v2")
                .options("/api/v1/api-keys/seedweb001")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("x-ncp-apigw-signature-v2"));
    }

    @Test
    void addsCorsHeadersToErrorAnswersToo() {
        given().header("Origin", "http://localhost:5173").get("/api/v1/api-keys")
                .then().statusCode(401).header("Access-Control-Allow-Origin", "http://localhost:5173");
    }
}
