package dev.contractkit.ncp.server.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/** A request that matches no route at all, inside {@code /api/v1} or outside it, gets NCP's 404 envelope. */
public class UnknownRoute {

    static Response response(String method, String path) {
        return NcpErrors.response(NcpErrorCode.NOT_FOUND, details(method, path));
    }

    private static String details(String method, String path) {
        return "No API matches " + method + " " + path + ".";
    }

    void installFallback(@Observes Router router, ObjectMapper mapper) {
        router.route().order(Integer.MAX_VALUE).handler(context -> NcpErrors.send(context.response(), 404, NcpErrorCode.NOT_FOUND,
                NcpErrors.json(mapper, NcpErrorCode.NOT_FOUND, details(context.request().method().name(), context.request().path()))));
    }
}
