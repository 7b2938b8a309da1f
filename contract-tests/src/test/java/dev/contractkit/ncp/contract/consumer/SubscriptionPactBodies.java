package dev.contractkit.ncp.contract.consumer;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Pact bodies for the product and subscription answers, from the spec's examples: the enums (statuses,
 * subscription codes) exact (a regex of the one value, which holds inside lists too), everything else by type, times as RFC 3339 date-times, and every list
 * "at least one like the example's first".
 */
final class SubscriptionPactBodies {
    /** Fields whose values are enums of the contract: a consumer depends on the exact value. */
    static final Set<String> EXACT = Set.of("status", "subscriptionCode");
    private static final Set<String> TIMES = Set.of("modTime", "regTime");

    private SubscriptionPactBodies() {
    }

    static DslPart like(JsonNode example) {
        return object(new PactDslJsonBody(), example);
    }

    private static PactDslJsonBody object(PactDslJsonBody body, JsonNode example) {
        for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                object(body.object(name), value).closeObject();
            } else if (value.isArray()) {
                object(body.minArrayLike(name, 1), value.get(0)).closeObject().closeArray();
            } else if (EXACT.contains(name)) {
                // a matcher of its own: inside a list, the list's type matcher would otherwise accept any string.
                // Enum values are upper-case words, so the regex needs no escaping (Pact's Rust verifier knows no \\Q..\\E).
                if (!value.asText().matches("[A-Z_]+")) {
                    throw new IllegalArgumentException("not an enum value: " + value);
                }
                body.stringMatcher(name, "^" + value.asText() + "$", value.asText());
            } else if (TIMES.contains(name)) {
                body.datetime(name, ApiKeyPactBodies.MOD_TIME_FORMAT, Instant.parse(value.asText()));
            } else if (value.isBoolean()) {
                body.booleanType(name, value.asBoolean());
            } else if (value.isIntegralNumber()) {
                body.integerType(name, value.asLong());
            } else {
                body.stringType(name, value.asText());
            }
        }
        return body;
    }
}
