package dev.contractkit.ncp.server.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * NCP answers subscribe and unsubscribe with 200 and no body (its OpenAPI file: "200 OK", empty content),
 * where a JAX-RS method without a result answers 204. The spec says 200, so these two say 200.
 */
public class EmptyOkAnswers {
    static final Set<String> OPERATIONS = Set.of("subscribeApiKey", "unsubscribeApiKey");

    @ServerResponseFilter
    public void okWithoutBody(ContainerResponseContext response, SimpleResourceInfo resource) {
        if (response.getStatus() == 204 && resource != null && resource.getMethodName() != null
                && OPERATIONS.contains(resource.getMethodName())) {
            response.setStatus(200);
        }
    }
}
