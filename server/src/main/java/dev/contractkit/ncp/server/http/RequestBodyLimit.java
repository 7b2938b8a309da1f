package dev.contractkit.ncp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * NCP's gateway refuses bodies over 10 MB with 413 and code "430". A declared {@code Content-Length} is
 * refused here, before a byte of the body is read.
 */
@Singleton
public class RequestBodyLimit {
    private final String body;

    public RequestBodyLimit(ObjectMapper mapper) {
        this.body = NcpErrors.json(mapper, NcpErrorCode.REQUEST_ENTITY_TOO_LARGE, NcpErrors.BODY_TOO_LARGE);
    }

    public void refuseOversizedBodies(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && declaredLength(length) > NcpErrors.MAX_BODY_BYTES) {
            context.response().putHeader("Connection", "close");
            NcpErrors.send(context, 413, NcpErrorCode.REQUEST_ENTITY_TOO_LARGE, body);
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
