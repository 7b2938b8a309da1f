package dev.contractkit.ncp.contract.consumer;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Pact bodies built from the spec's examples: exact values where the contract fixes them (enums, error
 * codes, the envelope's shape), type matchers for ids and key values, a date-time matcher for modTime.
 */
final class ApiKeyPactBodies {
    static final String MOD_TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ssXXX";

    private ApiKeyPactBodies() {
    }

    /** {@code {"apiKey": {...}}}, from an example of that shape. */
    static PactDslJsonBody wrapped(JsonNode example) {
        PactDslJsonBody body = new PactDslJsonBody();
        fields(body.object("apiKey"), example.get("apiKey")).closeObject();
        return body;
    }

    /** The bare key object, as get-one answers it. */
    static PactDslJsonBody bare(JsonNode example) {
        return fields(new PactDslJsonBody(), example);
    }

    /** {@code {"apiKeys": [...], "total", "initialCount"}} with at least one key like the example's first. */
    static DslPart list(JsonNode example) {
        PactDslJsonBody body = new PactDslJsonBody();
        PactDslJsonBody item = body.minArrayLike("apiKeys", 1);
        fields(item, example.get("apiKeys").get(0)).closeObject().closeArray();
        return ((PactDslJsonBody) body.asBody())
                .integerType("total", example.get("total").asLong())
                .integerType("initialCount", example.get("initialCount").asLong());
    }

    /** NCP's envelope with the exact code and message, and any details text. */
    static PactDslJsonBody error(String errorCode, String message, String details) {
        PactDslJsonBody body = new PactDslJsonBody();
        body.object("error")
                .stringValue("errorCode", errorCode)
                .stringValue("message", message)
                .stringType("details", details)
                .closeObject();
        return body;
    }

    private static PactDslJsonBody fields(PactDslJsonBody body, JsonNode example) {
        for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "isEnabled" -> body.booleanType(name, value.asBoolean());
                case "modTime" -> body.datetime(name, MOD_TIME_FORMAT, Instant.parse(value.asText()));
                case "domainCode" -> body.stringMatcher(name, "[A-Z]+", value.asText());
                default -> body.stringType(name, value.asText());
            }
        }
        return body;
    }
}
