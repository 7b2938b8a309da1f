package dev.contractkit.ncp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/** A request that matches no route at all, inside {@code /api/v1} or outside it, gets NCP's 404 envelope. */
public class UnknownRoute {

    void installFallback(@Observes Router router, ObjectMapper mapper) {
        router.route().order(Integer.MAX_VALUE).handler(context -> NcpErrors.send(context, 404, NcpErrorCode.NOT_FOUND,
                NcpErrors.json(mapper, NcpErrorCode.NOT_FOUND, NcpErrors.unknownRouteDetails(context.request().method().name(), context.request().path()))));
    }
}
