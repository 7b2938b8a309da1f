package dev.contractkit.ncp.client;

import dev.contractkit.ncp.client.generated.api.ApiException;
import java.util.Optional;

/**
 * Any non-2xx answer from NCP (or the mock): the HTTP status and, when the body is NCP's envelope, its
 * {@code errorCode}, {@code message} and {@code details}; otherwise the raw body. Unchecked.
 * It extends the generated {@link ApiException}, so the generated interface's {@code throws} clauses
 * stay true.
 */
public class NcpApiException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final String errorMessage;
    private final String details;
    private final String rawBody;

    public NcpApiException(int status, String errorCode, String errorMessage, String details, String rawBody) {
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.details = details;
        this.rawBody = rawBody;
    }

    public int status() {
        return status;
    }

    /** NCP's gateway code, such as {@code "300"}; empty when the body was not NCP's envelope. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    public Optional<String> details() {
        return Optional.ofNullable(details);
    }

    /** The body as received, whatever its shape. */
    public String rawBody() {
        return rawBody;
    }

    public boolean isNcpEnvelope() {
        return errorCode != null;
    }

    @Override
    public String getMessage() {
        if (!isNcpEnvelope()) {
            return "NCP answered HTTP " + status + (rawBody == null || rawBody.isEmpty() ? "" : ": " + abbreviate(rawBody));
        }
        return "NCP answered HTTP " + status + " with errorCode " + errorCode + " (" + errorMessage + ")"
                + (details == null ? "" : ": " + details);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
