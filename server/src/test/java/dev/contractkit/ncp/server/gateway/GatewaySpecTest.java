package dev.contractkit.ncp.server.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code openapi/ncp-apigw-gateway.yaml} is a valid OpenAPI file and describes what the gateway answers. */
@QuarkusTest
class GatewaySpecTest {
    static final Path SPEC = Path.of("../openapi/ncp-apigw-gateway.yaml");

    @Inject
    TestClock clock;

    private static JsonNode spec() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(SPEC));
        assertThat(spec.path("openapi").asText()).isEqualTo("3.0.3");
        return spec;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.isTextual() ? item.asText() : item.path("url").asText(item.path("name").asText())));
        return out;
    }

    @Test
    void theEchoHasExactlyTheFieldsTheSpecDescribes() throws Exception {
        JsonNode echo = spec().path("components").path("schemas").path("GatewayEcho");
        String key = SignedRequests.as(SignedRequests.TENANT_A, clock).create("spec-key", "d").then().statusCode(201)
                .extract().jsonPath().getString("apiKey.primaryKey");
        Map<String, Object> answer = given().header("x-ncp-apigw-api-key", key).get("/gateway/wthr7k2m4q/weather-forecast/prod/a/b?city=seoul")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        List<String> properties = new ArrayList<>();
        echo.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(answer.keySet()).containsExactlyInAnyOrderElementsOf(properties);
        assertThat(answer.keySet()).containsAll(texts(echo.path("required")));
        assertThat(texts(echo.path("properties").path("keyType").path("enum"))).contains((String) answer.get("keyType"));
    }

    @Test
    void everyMethodTheGatewayAnswersIsAnOperationOfTheGatewayTagWithTheKeyHeader() throws Exception {
        JsonNode path = spec().path("paths").path("/{apiName}/{stageName}/{resourcePath}");
        for (String method : List.of("get", "post", "put", "patch", "delete")) {
            assertThat(texts(path.path(method).path("tags"))).as(method).containsExactly("Gateway");
            assertThat(path.path(method).path("responses").has("429")).as(method).isTrue();
        }
        assertThat(texts(path.path("parameters"))).contains("x-ncp-apigw-api-key");
        assertThat(texts(spec().path("servers"))).containsExactly("http://localhost:8080/gateway/{invokeId}", "http://{invokeId}.apigw.localhost:8080", "https://{invokeId}.apigw.ntruss.com");
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            given().header("x-ncp-apigw-api-key", "nope").request(method, "/gateway/wthr7k2m4q/weather-forecast/prod/x").then().statusCode(401);
        }
    }
}
