package dev.contractkit.ncp.server.upstream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a forwarded call and the upstream's answer against the spec the mock is built from (Atlassian's
 * validator, as the contract tests use it): the request's path, query, headers and body; the answer's status,
 * headers and body, where a field the spec does not define is a finding.
 */
public final class SpecCheck {
    static final String SPEC = "/META-INF/ncp-openapi/ncp-apigw-apikeys.yaml";

    /** One rule broken: which operation, on which side, the validator's rule key, its message, and where in the body. */
    public record Finding(String operation, String side, String rule, String message, String pointer) {
    }

    /** Properties whose every definition in the spec is a plain string, or a date-time string, and nothing more. */
    private enum Loose { STRING, DATE_TIME }

    private static final Set<String> PLAIN_STRING = Set.of("type", "description", "example");
    private static final Set<String> DATE_TIME = Set.of("type", "format", "description", "example");

    private final OpenApiInteractionValidator validator;
    private final Map<String, Loose> loose;
    private final ObjectMapper json = new ObjectMapper();

    public SpecCheck() {
        String spec = spec();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).withBasePathOverride("/api/v1").build();
        try {
            loose = looseProperties(new YAMLMapper().readTree(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("the spec is not valid YAML", e);
        }
    }

    /**
     * A body as the check sees it: every value of a property the spec leaves free (any string; any date-time)
     * replaced by what alone decides its check (a string; a valid date-time or not). Two bodies with the same
     * canonical form get the same findings, so a conforming exchange need not be checked again when only key
     * values and times differ. A body that is not JSON is itself.
     */
    public String canonical(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        try {
            JsonNode tree = json.readTree(body);
            return tree == null ? body : json.writeValueAsString(canonical(tree));
        } catch (IOException notJson) {
            return body;
        }
    }

    private JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = json.createObjectNode();
            object.fields().forEachRemaining(field -> {
                Loose kind = loose.get(field.getKey());
                JsonNode value = field.getValue();
                if (kind == Loose.STRING && value.isTextual()) {
                    copy.put(field.getKey(), "<string>");
                } else if (kind == Loose.DATE_TIME && value.isTextual()) {
                    copy.put(field.getKey(), dateTime(value.asText()) ? "<date-time>" : value.asText());
                } else {
                    copy.set(field.getKey(), canonical(value));
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = json.createArrayNode();
            array.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
    }

    private static boolean dateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Every property name whose definitions, wherever they are in the spec, are all plain (or all date-time) strings. */
    private static Map<String, Loose> looseProperties(JsonNode spec) {
        Map<String, Loose> found = new HashMap<>();
        Set<String> constrained = new HashSet<>();
        collect(spec, found, constrained);
        constrained.forEach(found::remove);
        return Map.copyOf(found);
    }

    private static void collect(JsonNode node, Map<String, Loose> found, Set<String> constrained) {
        if (node.has("properties") && node.get("properties").isObject()) {
            node.get("properties").fields().forEachRemaining(property -> {
                Loose kind = kind(property.getValue());
                if (kind == null || found.containsKey(property.getKey()) && found.get(property.getKey()) != kind) {
                    constrained.add(property.getKey());
                } else {
                    found.put(property.getKey(), kind);
                }
            });
        }
        node.forEach(child -> collect(child, found, constrained));
    }

    private static Loose kind(JsonNode schema) {
        Set<String> keys = new HashSet<>();
        schema.fieldNames().forEachRemaining(keys::add);
        if (!"string".equals(schema.path("type").asText())) {
            return null;
        }
        if (PLAIN_STRING.containsAll(keys)) {
            return Loose.STRING;
        }
        return DATE_TIME.containsAll(keys) && "date-time".equals(schema.path("format").asText()) ? Loose.DATE_TIME : null;
    }

    private static String spec() {
        try (InputStream in = SpecCheck.class.getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException("the build did not package the spec at " + SPEC);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Finding> check(Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.query() != null && !exchange.query().isEmpty()) {
            for (String pair : exchange.query().split("&")) {
                int equals = pair.indexOf('=');
                request.withQueryParam(decode(equals < 0 ? pair : pair.substring(0, equals)), decode(equals < 0 ? "" : pair.substring(equals + 1)));
            }
        }
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            request.withBody(exchange.requestBody());
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport report = validator.validate(request.build(), response.build());
        List<Finding> findings = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            var context = message.getContext();
            String operation = context.flatMap(ValidationReport.MessageContext::getApiOperation).map(SpecCheck::name)
                    .orElse(exchange.method().toUpperCase(Locale.ROOT) + " " + exchange.path());
            String side = message.getKey().startsWith("validation.request") ? "request" : "response";
            String pointer = context.flatMap(ValidationReport.MessageContext::getPointers)
                    .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
            findings.add(new Finding(operation, side, message.getKey(), message.getMessage().replace('\n', ' '), pointer));
        }
        return findings;
    }

    private static String name(ApiOperation operation) {
        String id = operation.getOperation().getOperationId();
        String route = operation.getMethod() + " /api/v1" + operation.getApiPath().original();
        return id == null ? route : id + " (" + route + ")";
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
