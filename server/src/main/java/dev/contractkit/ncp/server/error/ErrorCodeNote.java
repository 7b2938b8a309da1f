package dev.contractkit.ncp.server.error;

import dev.contractkit.ncp.server.generated.model.NcpErrorResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerHttpRequest;

/** Leaves the code of an error envelope answered through JAX-RS on the routing context (see {@link NcpErrors#ERROR_CODE_KEY}). */
public class ErrorCodeNote {

    @ServerResponseFilter
    public void note(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof NcpErrorResponse envelope && envelope.getError() != null) {
            RoutingContext context = request.getServerRequestContext() instanceof ServerHttpRequest http
                    ? http.unwrap(RoutingContext.class) : null;
            if (context != null) {
                context.put(NcpErrors.ERROR_CODE_KEY, envelope.getError().getErrorCode());
            }
        }
    }
}
