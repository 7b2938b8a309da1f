package dev.contractkit.ncp.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.generated.model.NcpError;
import dev.contractkit.ncp.server.generated.model.NcpErrorResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds NCP's error envelope {@code {"error": {"errorCode", "message", "details"}}} from the generated model. */
public final class NcpErrors {
    /**
     * Where an error answer leaves its code on the request's routing context (never in a header), for the
     * request journal: {@link #send} puts it there, and {@link ErrorCodeNote} for answers made by JAX-RS.
     */
    public static final String ERROR_CODE_KEY = "ncp.error-code";

    /** NCP's limit on a request body, 10 MB: above it, 413 "430". */
    public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final String BODY_TOO_LARGE = "The request body is larger than " + MAX_BODY_BYTES + " bytes.";

    private NcpErrors() {
    }

    /** NCP's 404 "300" for a request no route matches, inside {@code /api/v1} or outside it. */
    public static Response unknownRoute(String method, String path) {
        return response(NcpErrorCode.NOT_FOUND, unknownRouteDetails(method, path));
    }

    public static String unknownRouteDetails(String method, String path) {
        return "No API matches " + method + " " + path + ".";
    }

    public static NcpErrorResponse envelope(NcpErrorCode code, String details) {
        return new NcpErrorResponse().error(new NcpError().errorCode(code.code()).message(code.message()).details(details));
    }

    public static Response response(NcpErrorCode code, int status, String details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(envelope(code, details)).build();
    }

    /** Answers the envelope straight on the Vert.x response, below JAX-RS. */
    public static void send(RoutingContext context, int status, NcpErrorCode code, String json) {
        context.put(ERROR_CODE_KEY, code.code());
        context.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(json);
    }

    /**
     * The one way a step below JAX-RS refuses a request: NCP's envelope for {@code code}, at its status, straight
     * on the Vert.x response; nothing when an answer has already begun.
     */
    public static void refuse(RoutingContext context, ObjectMapper mapper, NcpErrorCode code, String details) {
        if (!context.response().headWritten()) {
            send(context, code.status(), code, json(mapper, code, details));
        }
    }

    /** A failure below Quarkus REST, answered as the exception mappers would answer it ({@link Failures}). */
    public static void fail(RoutingContext context, ObjectMapper mapper, Throwable failure) {
        NcpException answer = Failures.describe(failure, context.request().method() + " " + context.request().path());
        if (!context.response().headWritten()) {
            send(context, answer.status(), answer.code(), json(mapper, answer.code(), answer.details()));
        }
    }

    public static Response response(NcpErrorCode code, String details) {
        return response(code, code.status(), details);
    }

    /** NCP's 404 "300" for a key the caller does not have (absent, deleted, or another tenant's). */
    public static NcpException apiKeyNotFound(String apiKeyId) {
        return new NcpException(NcpErrorCode.NOT_FOUND, "API key '" + apiKeyId + "' was not found.");
    }

    /** For answers written below JAX-RS, straight onto the Vert.x response. */
    public static String json(ObjectMapper mapper, NcpErrorCode code, String details) {
        try {
            return mapper.writeValueAsString(envelope(code, details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the error envelope", e);
        }
    }
}
