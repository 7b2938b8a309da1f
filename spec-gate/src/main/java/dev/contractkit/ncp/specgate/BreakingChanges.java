package dev.contractkit.ncp.specgate;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;

/**
 * Walks openapi-diff's result and names every change that breaks an existing client: the operation, the
 * field and what changed. openapi-diff decides (with the rule file) what is incompatible; this class only
 * makes each verdict readable, and adds the one rule openapi-diff lacks: a response field that disappears.
 */
final class BreakingChanges {
    private final Rules rules;
    private final List<String> found = new ArrayList<>();

    private BreakingChanges(Rules rules) {
        this.rules = rules;
    }

    static List<String> of(ChangedOpenApi diff, Rules rules) {
        BreakingChanges walker = new BreakingChanges(rules);
        walker.walk(diff);
        return List.copyOf(walker.found);
    }

    private void walk(ChangedOpenApi diff) {
        if (rules.enabled(Rules.ENDPOINTS_DECREASED)) {
            for (Endpoint removed : diff.getMissingEndpoints()) {
                add(removed.getMethod() + " " + removed.getPathUrl(), "operation removed");
            }
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            String name = operation.getHttpMethod() + " " + operation.getPathUrl();
            int before = found.size();
            walk(name, operation);
            if (found.size() == before && operation.isIncompatible()) {
                add(name, "incompatible change (see the openapi-diff report)");
            }
        }
    }

    private void walk(String operation, ChangedOperation changed) {
        if (changed.getOperationId() != null && changed.getOperationId().isIncompatible()) {
            add(operation, "operationId changed from '" + changed.getOperationId().getLeft() + "' to '"
                    + changed.getOperationId().getRight() + "' (generated method names change)");
        }
        if (changed.getParameters() != null) {
            walk(operation, changed.getParameters());
        }
        if (changed.getRequestBody() != null) {
            walk(operation, changed.getRequestBody());
        }
        if (changed.getApiResponses() != null) {
            walk(operation, changed.getApiResponses());
        }
        if (changed.getSecurityRequirements() != null && changed.getSecurityRequirements().isIncompatible()) {
            add(operation, "security requirements changed: " + changed.getSecurityRequirements().getOldSecurityRequirements()
                    + " -> " + changed.getSecurityRequirements().getNewSecurityRequirements());
        }
    }

    private void walk(String operation, ChangedParameters parameters) {
        if (rules.enabled(Rules.PARAMS_DECREASED)) {
            for (Parameter removed : parameters.getMissing()) {
                add(operation, parameterName(removed) + ": parameter removed");
            }
        }
        if (rules.enabled(Rules.PARAMS_REQUIRED_INCREASED)) {
            for (Parameter added : parameters.getIncreased()) {
                if (Boolean.TRUE.equals(added.getRequired())) {
                    add(operation, parameterName(added) + ": new required parameter");
                }
            }
        }
        for (ChangedParameter parameter : parameters.getChanged()) {
            String name = parameter.getIn() + " parameter '" + parameter.getName() + "'";
            if (parameter.isChangeRequired() && Boolean.TRUE.equals(parameter.getNewParameter().getRequired())
                    && rules.enabled(Rules.PARAMS_REQUIRED_INCREASED)) {
                add(operation, name + ": optional parameter became required");
            }
            if (parameter.isChangeStyle() && parameter.isIncompatible()) {
                add(operation, name + ": style changed");
            }
            if (parameter.isChangeExplode() && parameter.isIncompatible()) {
                add(operation, name + ": explode changed");
            }
            if (parameter.isChangeAllowEmptyValue() && parameter.isIncompatible()) {
                add(operation, name + ": empty values no longer allowed");
            }
            if (parameter.getSchema() != null) {
                walk(operation, name, "", parameter.getSchema());
            }
        }
    }

    private void walk(String operation, ChangedRequestBody body) {
        if (body.isChangeRequired() && body.getNewRequestBody() != null && Boolean.TRUE.equals(body.getNewRequestBody().getRequired())
                && rules.enabled(Rules.REQUEST_BODY_REQUIRED_INCREASED)) {
            add(operation, "request body: became required");
        }
        if (body.getContent() != null) {
            walk(operation, "request body", body.getContent());
        }
    }

    private void walk(String operation, ChangedApiResponse responses) {
        if (rules.enabled(Rules.RESPONSES_DECREASED)) {
            responses.getMissing().keySet().forEach(status -> add(operation, "response " + status + ": status code no longer documented"));
        }
        for (Map.Entry<String, ChangedResponse> response : responses.getChanged().entrySet()) {
            ChangedResponse changed = response.getValue();
            if (changed.getContent() != null) {
                walk(operation, "response " + response.getKey(), changed.getContent());
            }
            if (changed.getHeaders() != null && changed.getHeaders().isIncompatible()) {
                add(operation, "response " + response.getKey() + ": headers changed incompatibly");
            }
        }
    }

    private void walk(String operation, String where, ChangedContent content) {
        boolean request = where.startsWith("request");
        if (rules.enabled(request ? Rules.REQUEST_CONTENT_DECREASED : Rules.RESPONSE_CONTENT_DECREASED)) {
            content.getMissing().keySet().forEach(type -> add(operation, where + ": media type " + type + " removed"));
        }
        for (Map.Entry<String, ChangedMediaType> media : content.getChanged().entrySet()) {
            if (media.getValue().getSchema() != null) {
                walk(operation, where, "", media.getValue().getSchema());
            }
        }
    }

    /** One schema node: its own changes, then its properties, items and additional properties. */
    private void walk(String operation, String where, String field, ChangedSchema schema) {
        boolean request = schema.getContext() != null ? schema.getContext().isRequest() : where.startsWith("request");
        String at = where + ": " + (field.isEmpty() ? "body" : field);
        if (schema.isChangedType() && rules.enabled(Rules.TYPE_CHANGED)) {
            add(operation, at + ": type changed from " + describe(schema.getOldSchema()) + " to " + describe(schema.getNewSchema()));
        }
        if (schema.getRequired() != null) {
            required(operation, at, field, schema, request);
        }
        if (schema.getEnumeration() != null) {
            enumeration(operation, at, schema.getEnumeration(), request);
        }
        if (!request && rules.enabled(Rules.RESPONSE_PROPERTY_REMOVED)) {
            schema.getMissingProperties().keySet().forEach(name -> add(operation, where + ": " + join(field, name)
                    + ": response field removed (or renamed)"));
        }
        limits(operation, at, schema, request);
        for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
            walk(operation, where, join(field, property.getKey()), property.getValue());
        }
        if (schema.getItems() != null) {
            walk(operation, where, field + "[]", schema.getItems());
        }
        if (schema.getAddProp() != null) {
            walk(operation, where, join(field, "*"), schema.getAddProp());
        }
    }

    private void required(String operation, String at, String field, ChangedSchema schema, boolean request) {
        if (request && rules.enabled(Rules.REQUEST_REQUIRED_INCREASED)) {
            Map<String, Schema> oldProperties = propertiesOf(schema.getOldSchema());
            for (String name : schema.getRequired().getIncreased()) {
                boolean existed = oldProperties.containsKey(name);
                boolean readOnly = Boolean.TRUE.equals(propertiesOf(schema.getNewSchema()).getOrDefault(name, new Schema<>()).getReadOnly());
                if (!readOnly) {
                    add(operation, at.replaceFirst(": body$", "") + (field.isEmpty() ? ": " : ".") + name
                            + (existed ? ": optional field became required" : ": new required field"));
                }
            }
        }
        if (!request && rules.enabled(Rules.RESPONSE_REQUIRED_DECREASED)) {
            for (String name : schema.getRequired().getMissing()) {
                add(operation, at.replaceFirst(": body$", "") + (field.isEmpty() ? ": " : ".") + name
                        + ": no longer always present (removed from required)");
            }
        }
    }

    private void enumeration(String operation, String at, ChangedEnum<?> values, boolean request) {
        if (request && !values.getMissing().isEmpty() && rules.enabled(Rules.REQUEST_ENUM_DECREASED)) {
            add(operation, at + ": enum value(s) no longer accepted: " + values.getMissing());
        }
        if (!request && !values.getIncreased().isEmpty() && rules.enabled(Rules.RESPONSE_ENUM_INCREASED)) {
            add(operation, at + ": new enum value(s) that clients do not know: " + values.getIncreased());
        }
    }

    private void limits(String operation, String at, ChangedSchema schema, boolean request) {
        check(schema.getMaxLength() != null && schema.getMaxLength().isIncompatible(), operation, at,
                "maxLength " + (request ? "lowered" : "raised") + ": " + schema.getOldSchema().getMaxLength() + " -> " + schema.getNewSchema().getMaxLength());
        check(schema.getMinLength() != null && schema.getMinLength().isIncompatible(), operation, at,
                "minLength changed: " + schema.getOldSchema().getMinLength() + " -> " + schema.getNewSchema().getMinLength());
        check(schema.getNumericRange() != null && schema.getNumericRange().isIncompatible(), operation, at,
                "numeric range " + (request ? "narrowed" : "widened") + ": [" + schema.getOldSchema().getMinimum() + ", "
                        + schema.getOldSchema().getMaximum() + "] -> [" + schema.getNewSchema().getMinimum() + ", " + schema.getNewSchema().getMaximum() + "]");
        check(schema.getPattern() != null && schema.getPattern().isIncompatible(), operation, at,
                "pattern changed: " + schema.getOldSchema().getPattern() + " -> " + schema.getNewSchema().getPattern());
        check(schema.getReadOnly() != null && schema.getReadOnly().isIncompatible(), operation, at, "readOnly changed");
        check(schema.getWriteOnly() != null && schema.getWriteOnly().isIncompatible(), operation, at, "writeOnly changed");
        check(schema.getOneOfSchema() != null && schema.getOneOfSchema().isIncompatible(), operation, at, "oneOf alternatives changed");
        check(schema.getMaxProperties() != null && schema.getMaxProperties().isIncompatible(), operation, at, "maxProperties changed");
        check(schema.getMinProperties() != null && schema.getMinProperties().isIncompatible(), operation, at, "minProperties changed");
        check(schema.isDiscriminatorPropertyChanged() && schema.isIncompatible(), operation, at, "discriminator changed");
    }

    private void check(boolean broken, String operation, String at, String what) {
        if (broken) {
            add(operation, at + ": " + what);
        }
    }

    private void add(String operation, String what) {
        String line = operation + ": " + what;
        if (!found.contains(line)) {
            found.add(line);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, Schema> propertiesOf(Schema schema) {
        return schema == null || schema.getProperties() == null ? Map.of() : (Map) schema.getProperties();
    }

    private static String describe(Schema<?> schema) {
        if (schema == null) {
            return "(none)";
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null ? String.join("|", schema.getTypes()) : "(untyped)";
        return schema.getFormat() != null ? type + " (" + schema.getFormat() + ")" : type;
    }

    private static String parameterName(Parameter parameter) {
        return parameter.getIn() + " parameter '" + parameter.getName() + "'";
    }

    private static String join(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    /** The rule switches, read from the same file openapi-diff reads. */
    interface Rules {
        String ENDPOINTS_DECREASED = "incompatible.openapi.endpoints.decreased";
        String PARAMS_DECREASED = "incompatible.request.params.decreased";
        String PARAMS_REQUIRED_INCREASED = "incompatible.request.params.required.increased";
        String REQUEST_BODY_REQUIRED_INCREASED = "incompatible.request.body.increased";
        String REQUEST_CONTENT_DECREASED = "incompatible.request.content.decreased";
        String RESPONSE_CONTENT_DECREASED = "incompatible.response.content.decreased";
        String RESPONSES_DECREASED = "incompatible.response.responses.decreased";
        String REQUEST_REQUIRED_INCREASED = "incompatible.request.required.increased";
        String RESPONSE_REQUIRED_DECREASED = "incompatible.response.required.decreased";
        String REQUEST_ENUM_DECREASED = "incompatible.request.enum.decreased";
        String RESPONSE_ENUM_INCREASED = "incompatible.response.enum.increased";
        String TYPE_CHANGED = "incompatible.schema.type.changed";
        /** Ours: openapi-diff has no rule for an optional response field that disappears. */
        String RESPONSE_PROPERTY_REMOVED = "contractkit.response.property.removed";

        boolean enabled(String rule);

        static Rules from(Predicate<String> lookup) {
            return rule -> lookup.test(Objects.requireNonNull(rule));
        }
    }
}
