package dev.contractkit.ncp.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.contractkit.ncp.client.generated.model.NcpError;
import dev.contractkit.ncp.client.generated.model.NcpErrorResponse;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every non-2xx answer into one {@link NcpApiException}. Its priority is above the generated
 * mapper's, so callers always get the typed exception.
 */
public class NcpErrorMapper implements ResponseExceptionMapper<NcpApiException> {
    private static final int BEFORE_GENERATED_MAPPER = 100;

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    @Override
    public int getPriority() {
        return BEFORE_GENERATED_MAPPER;
    }

    @Override
    public NcpApiException toThrowable(Response response) {
        String body = readBody(response);
        NcpError error = parseEnvelope(body);
        if (error == null || error.getErrorCode() == null) {
            return new NcpApiException(response.getStatus(), null, null, null, body);
        }
        return new NcpApiException(response.getStatus(), error.getErrorCode(), error.getMessage(), error.getDetails(), body);
    }

    private static String readBody(Response response) {
        try {
            response.bufferEntity();
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static NcpError parseEnvelope(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            NcpErrorResponse envelope = NcpJson.MAPPER.readValue(body, NcpErrorResponse.class);
            return envelope == null ? null : envelope.getError();
        } catch (JsonProcessingException notAnEnvelope) {
            return null;
        }
    }
}
