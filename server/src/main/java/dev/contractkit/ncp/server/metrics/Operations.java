package dev.contractkit.ncp.server.metrics;

import dev.contractkit.ncp.server.generated.api.ApiKeysApi;
import dev.contractkit.ncp.server.generated.api.ProductsApi;
import dev.contractkit.ncp.server.generated.api.SubscriptionsApi;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The spec's operation of a call, by its method and path: read once from the interfaces the OpenAPI Generator
 * writes (each method is an operation, named by its {@code operationId}), so a metric's {@code operation}
 * label is always one of the contract's, and a call the contract does not have is {@code unknown}.
 */
final class Operations {
    static final String UNKNOWN = "unknown";
    private static final String PREFIX = "/api/v1";

    /** A template's segments; null where a parameter stands. */
    private record Operation(String method, String[] segments, int literalLength, String name) {
        /** Whether {@code verb path} is this operation, read in place (no copy of the path: this runs on every call). */
        boolean matches(String verb, String path) {
            if (!method.equalsIgnoreCase(verb)) {
                return false;
            }
            int at = 0;
            for (int i = 1; i < segments.length; i++) {
                if (at >= path.length() || path.charAt(at) != '/') {
                    return false;
                }
                int start = at + 1;
                int end = path.indexOf('/', start);
                if (end < 0) {
                    end = path.length();
                }
                String literal = segments[i];
                if (literal == null ? end == start : end - start != literal.length() || !path.regionMatches(start, literal, 0, literal.length())) {
                    return false;
                }
                at = end;
            }
            return at == path.length();
        }
    }

    private final List<Operation> operations = new ArrayList<>();

    Operations() {
        for (Class<?> api : List.of(ApiKeysApi.class, ProductsApi.class, SubscriptionsApi.class)) {
            String base = api.isAnnotationPresent(Path.class) ? api.getAnnotation(Path.class).value() : "";
            for (Method method : api.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                String template = PREFIX + base + (method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
                String[] segments = template.split("/", -1);
                int literal = 0;
                for (int i = 0; i < segments.length; i++) {
                    if (segments[i].startsWith("{")) {
                        segments[i] = null;
                    } else {
                        literal += segments[i].length();
                    }
                }
                operations.add(new Operation(verb, segments, literal, method.getName()));
            }
        }
        // the most literal template first: /api-keys/search before /api-keys/{api-key-id}, as JAX-RS matches
        operations.sort(Comparator.comparingInt(Operation::literalLength).reversed());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** The operation id of {@code method path} (the path without its query), or {@link #UNKNOWN}. */
    String of(String method, String path) {
        for (Operation operation : operations) {
            if (operation.matches(method, path)) {
                return operation.name();
            }
        }
        return UNKNOWN;
    }
}
