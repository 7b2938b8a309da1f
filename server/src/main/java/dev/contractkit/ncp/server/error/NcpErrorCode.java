package dev.contractkit.ncp.server.error;

import dev.contractkit.ncp.server.store.Admission;
import java.util.Arrays;
import java.util.Optional;

/** NCP's gateway error codes, each with the status and short message NCP answers with. */
public enum NcpErrorCode {
    BAD_REQUEST("100", 400, "Bad Request Exception"),
    AUTHENTICATION_FAILED("200", 401, "Authentication Failed"),
    PERMISSION_DENIED("210", 401, "Permission Denied"),
    FORBIDDEN("230", 403, "Forbidden"),
    NOT_FOUND("300", 404, "Not Found Exception"),
    QUOTA_EXCEEDED("400", 429, "Quota Exceeded"),
    THROTTLE_LIMITED("410", 429, "Throttle Limited"),
    RATE_LIMITED("420", 429, "Rate Limited"),
    REQUEST_ENTITY_TOO_LARGE("430", 413, "Request Entity Too Large"),
    ENDPOINT_ERROR("500", 503, "Endpoint Error"),
    ENDPOINT_TIMEOUT("510", 504, "Endpoint Timeout"),
    UNEXPECTED_ERROR("900", 500, "Unexpected Error");

    private final String code;
    private final int status;
    private final String message;

    NcpErrorCode(String code, int status, String message) {
        this.code = code;
        this.status = status;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    /** The error a refused gateway call gets, by the store's verdict; null for an admitted call. */
    public static NcpErrorCode ofRefusal(Admission.Verdict verdict) {
        return switch (verdict) {
            case ADMITTED -> null;
            case UNKNOWN_KEY, DISABLED_KEY -> AUTHENTICATION_FAILED;
            case NOT_SUBSCRIBED -> PERMISSION_DENIED;
            case THROTTLED -> THROTTLE_LIMITED;
            case RATE_LIMITED -> RATE_LIMITED;
            case QUOTA_EXCEEDED -> QUOTA_EXCEEDED;
        };
    }

    public static Optional<NcpErrorCode> byCode(String code) {
        return Arrays.stream(values()).filter(value -> value.code.equals(code)).findFirst();
    }
}
