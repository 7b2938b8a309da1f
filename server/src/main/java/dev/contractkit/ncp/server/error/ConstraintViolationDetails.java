package dev.contractkit.ncp.server.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Names each violated field the way the client wrote it ({@code apiKeyName}, {@code limit}, {@code request body}). */
final class ConstraintViolationDetails {

    private ConstraintViolationDetails() {
    }

    static String describe(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> fieldName(violation.getPropertyPath()) + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
    }

    private static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        boolean bodyParameter = false;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                bodyParameter = node.getName().endsWith("Request");
                if (!bodyParameter) {
                    names.add(node.getName());
                }
                continue;
            }
            names.add(node.getName());
        }
        if (names.isEmpty()) {
            return bodyParameter ? "request body" : "request";
        }
        return String.join(".", names);
    }
}
