package dev.contractkit.ncp.server.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns a Jackson failure into a short text for the envelope's {@code details}, naming no Java class. */
final class JsonErrorDetails {

    private JsonErrorDetails() {
    }

    static String describe(JsonProcessingException failure) {
        String text = failure.getOriginalMessage() == null ? "" : failure.getOriginalMessage();
        if (text.startsWith("Duplicate field")) {
            return "The request body names a field twice: " + text.substring("Duplicate field ".length()) + ".";
        }
        if (text.startsWith("Trailing token")) {
            return "The request body has data after its JSON value.";
        }
        if (failure instanceof JsonParseException) {
            return "The request body is not well-formed JSON.";
        }
        if (!(failure instanceof JsonMappingException mapping)) {
            return "The request body could not be read as JSON.";
        }
        String field = fieldPath(mapping);
        String original = mapping.getOriginalMessage() == null ? "" : mapping.getOriginalMessage();
        if (original.startsWith("Missing required creator property")) {
            return prefix(field) + "must not be null";
        }
        Class<?> target = targetType(mapping);
        if (target != null && target.isEnum()) {
            return prefix(field) + "must be one of " + enumValues(target) + ".";
        }
        if (failure instanceof MismatchedInputException && field.isEmpty()) {
            if (original.startsWith("No content")) {
                return "The request body is empty.";
            }
            return "The request body must be a JSON object.";
        }
        if (target != null) {
            return prefix(field) + "must be " + describeType(target) + ".";
        }
        return prefix(field) + "has an invalid value.";
    }

    private static Class<?> targetType(JsonMappingException mapping) {
        if (mapping instanceof MismatchedInputException mismatch) {
            return mismatch.getTargetType();
        }
        if (mapping instanceof ValueInstantiationException instantiation && instantiation.getType() != null) {
            return instantiation.getType().getRawClass();
        }
        return null;
    }

    private static String fieldPath(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String prefix(String field) {
        return field.isEmpty() ? "The request body " : field + ": ";
    }

    private static String enumValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String describeType(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a JSON object";
    }

}
