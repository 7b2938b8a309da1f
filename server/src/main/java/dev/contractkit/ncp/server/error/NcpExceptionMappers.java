package dev.contractkit.ncp.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.contractkit.ncp.server.store.StoreUnavailableException;
import dev.contractkit.ncp.server.store.TenantFullException;
import dev.contractkit.ncp.server.subscription.SubscriptionRefusedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the REST layer can meet, answered with NCP's envelope ({@link Failures} describes each failure,
 * for these mappers and for the steps below Quarkus REST alike). Nothing reaches the client as a bare body or a
 * stack trace.
 */
public class NcpExceptionMappers {

    @ServerExceptionMapper
    public Response ncp(NcpException failure) {
        return NcpErrors.response(failure.code(), failure.status(), failure.details());
    }

    @ServerExceptionMapper
    public Response subscriptionRefused(SubscriptionRefusedException failure) {
        return ncp(Failures.describe(failure, null));
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException failure) {
        return NcpErrors.response(NcpErrorCode.BAD_REQUEST, ConstraintViolationDetails.describe(failure.getConstraintViolations()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException failure) {
        // Jackson wraps what the body stream throws, such as UndeclaredBodyLimit's 413.
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof NcpException ncp) {
                return ncp(ncp);
            }
        }
        return NcpErrors.response(NcpErrorCode.BAD_REQUEST, JsonErrorDetails.describe(failure));
    }

    // Quarkus has a built-in mapper for this subtype; this one takes its place.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException failure) {
        return unreadableJson(failure);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException failure, HttpServerRequest request) {
        Response original = failure.getResponse();
        int status = original.getStatus();
        if (failure.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response answer = switch (status) {
            // JAX-RS answers 404 when a query parameter cannot be converted; NCP would call that a bad request.
            case 404 -> failure.getCause() != null
                    ? NcpErrors.response(NcpErrorCode.BAD_REQUEST, "A parameter has a value of the wrong type.")
                    : NcpErrors.unknownRoute(request.method().name(), request.path());
            case 405 -> NcpErrors.response(NcpErrorCode.BAD_REQUEST, 405,
                    "Method " + request.method() + " is not allowed on " + request.path() + ".");
            case 413 -> NcpErrors.response(NcpErrorCode.REQUEST_ENTITY_TOO_LARGE, NcpErrors.BODY_TOO_LARGE);
            case 415 -> NcpErrors.response(NcpErrorCode.BAD_REQUEST, 415,
                    "Content-Type '" + contentType(request) + "' is not supported; send application/json.");
            case 406 -> NcpErrors.response(NcpErrorCode.BAD_REQUEST, 406, "Only application/json answers can be produced.");
            default -> status >= 500 ? unexpected(failure, request) : NcpErrors.response(NcpErrorCode.BAD_REQUEST, status, badRequestDetails(failure));
        };
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }

    /** The store (Redis) cannot be reached: NCP's 503 "500" Endpoint Error ({@link Failures}). */
    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException failure) {
        return ncp(Failures.describe(failure, null));
    }

    /** A tenant at its key limit: NCP's 429 "400" (a quota), naming the setting. */
    @ServerExceptionMapper
    public Response tenantFull(TenantFullException failure) {
        return ncp(Failures.describe(failure, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, HttpServerRequest request) {
        return ncp(Failures.describe(failure, request.method() + " " + request.path()));
    }

    private static String contentType(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type == null ? "(none)" : type;
    }

    private static String badRequestDetails(WebApplicationException failure) {
        return failure.getCause() instanceof IllegalArgumentException
                ? "A parameter has a value of the wrong type."
                : "The request is not valid.";
    }
}
