package dev.contractkit.ncp.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.generated.model.NcpError;
import dev.contractkit.ncp.server.generated.model.NcpErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds NCP's error envelope {@code {"error": {"errorCode", "message", "details"}}} from the generated model. */
public final class NcpErrors {

    private NcpErrors() {
    }

    public static NcpErrorResponse envelope(NcpErrorCode code, String details) {
        return new NcpErrorResponse().error(new NcpError().errorCode(code.code()).message(code.message()).details(details));
    }

    public static Response response(NcpErrorCode code, int status, String details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(envelope(code, details)).build();
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
