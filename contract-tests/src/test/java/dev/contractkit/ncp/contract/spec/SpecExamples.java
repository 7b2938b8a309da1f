package dev.contractkit.ncp.contract.spec;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every example of the spec, each with the schema it stands for, and their validation with a real
 * OpenAPI schema validator (Atlassian's swagger-request-validator).
 */
public final class SpecExamples {
    private static final ObjectMapper JSON = Json.mapper();

    /** One example, where it stands in the spec, and the schema it must match. */
    public record Located(String where, Object value, Schema<?> schema) {
        public JsonNode json() {
            return JSON.valueToTree(value);
        }
    }

    private final OpenAPI api;

    public SpecExamples(OpenAPI api) {
        this.api = api;
    }

    public List<Located> all() {
        List<Located> found = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                collect(found, method + " " + path, item.getParameters(), operation)));
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((name, schema) -> {
                if (schema.getExample() != null) {
                    found.add(new Located("components.schemas." + name, schema.getExample(), schema));
                }
            });
        }
        return found;
    }

    /** The named example of {@code components.examples}, as JSON. */
    public JsonNode named(String name) {
        Example example = api.getComponents().getExamples().get(name);
        if (example == null) {
            throw new IllegalArgumentException("the spec has no example " + name);
        }
        return JSON.valueToTree(example.getValue());
    }

    /** The validator's errors for one example; empty when it matches its schema. */
    public List<String> errorsOf(Located example) {
        SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
        ValidationReport report;
        try {
            // the validator reads a value for a string schema as the raw text (as in a path or query), not as JSON
            String value = example.value() instanceof String text ? text : JSON.writeValueAsString(example.value());
            report = validator.validate(value, example.schema(), "example");
        } catch (JsonProcessingException e) {
            return List.of("cannot write the example as JSON: " + e.getOriginalMessage());
        }
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> example.where() + ": " + message.getMessage())
                .toList();
    }

    private void collect(List<Located> found, String operationName, List<Parameter> shared, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (shared != null) {
            parameters.addAll(shared);
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        for (Parameter parameter : parameters) {
            Parameter resolved = resolve(parameter);
            if (resolved.getExample() != null) {
                found.add(new Located(operationName + " parameter " + resolved.getName(), resolved.getExample(), resolved.getSchema()));
            }
        }
        if (operation.getRequestBody() != null) {
            collect(found, operationName + " request", operation.getRequestBody().getContent());
        }
        operation.getResponses().forEach((status, response) ->
                collect(found, operationName + " response " + status, resolve(response).getContent()));
    }

    private void collect(List<Located> found, String where, Content content) {
        if (content == null) {
            return;
        }
        content.forEach((mediaType, media) -> {
            if (media.getExample() != null) {
                found.add(new Located(where + " example", media.getExample(), media.getSchema()));
            }
            if (media.getExamples() != null) {
                for (Map.Entry<String, Example> entry : media.getExamples().entrySet()) {
                    found.add(new Located(where + " examples." + entry.getKey(), resolve(entry.getValue()).getValue(), media.getSchema()));
                }
            }
        });
    }

    private Example resolve(Example example) {
        return example.get$ref() == null ? example : api.getComponents().getExamples().get(simpleName(example.get$ref()));
    }

    private Parameter resolve(Parameter parameter) {
        return parameter.get$ref() == null ? parameter : api.getComponents().getParameters().get(simpleName(parameter.get$ref()));
    }

    private ApiResponse resolve(ApiResponse response) {
        return response.get$ref() == null ? response : api.getComponents().getResponses().get(simpleName(response.get$ref()));
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
