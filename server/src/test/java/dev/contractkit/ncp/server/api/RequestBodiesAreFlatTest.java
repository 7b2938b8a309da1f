package dev.contractkit.ncp.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's models are generated without cascading {@code @Valid} (openapi/templates/server/README.md), which is
 * right only while no request body has a nested object: its constraints would go unchecked. This fails when one does.
 */
class RequestBodiesAreFlatTest {

    @Test
    void noRequestBodyOfTheSpecHasANestedObject() throws Exception {
        JsonNode spec;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/ncp-openapi/ncp-apigw-apikeys.yaml")) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> nested = new ArrayList<>();
        int bodies = 0;
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode body = operation.getValue().path("requestBody").path("content");
                for (JsonNode media : body) {
                    bodies++;
                    JsonNode schema = resolve(spec, media.get("schema"));
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        JsonNode type = resolve(spec, property.getValue());
                        JsonNode item = type.has("items") ? resolve(spec, type.get("items")) : null;
                        if (isObject(type) || item != null && isObject(item)) {
                            nested.add(operation.getKey() + " " + path.getKey() + ": " + property.getKey());
                        }
                    }
                }
            }
        }
        assertThat(bodies).as("request bodies found in the spec").isGreaterThanOrEqualTo(9);
        assertThat(nested).as("request-body properties that are objects; give the server's models their cascading @Valid back "
                + "(openapi/templates/server) before adding one").isEmpty();
    }

    @Test
    void theCheckSeesANestedObject() throws Exception {
        JsonNode spec = new ObjectMapper().readTree("""
                {"components": {"schemas": {"Inner": {"type": "object", "properties": {"x": {"type": "string"}}}}}}
                """);
        assertThat(isObject(resolve(spec, new ObjectMapper().readTree("{\"$ref\": \"#/components/schemas/Inner\"}")))).isTrue();
        assertThat(isObject(new ObjectMapper().readTree("{\"type\": \"string\", \"enum\": [\"A\"]}"))).isFalse();
    }

    private static boolean isObject(JsonNode schema) {
        return "object".equals(schema.path("type").asText()) || schema.has("properties");
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        while (schema != null && schema.has("$ref")) {
            String[] parts = schema.get("$ref").asText().substring(2).split("/");
            JsonNode target = spec;
            for (String part : parts) {
                target = target.get(part);
            }
            schema = target;
        }
        return schema;
    }
}
