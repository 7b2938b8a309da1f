package dev.contractkit.ncp.server.error;

/** An error to answer with NCP's envelope. Carries no stack trace: it is an answer, not a bug. */
public class NcpException extends RuntimeException {
    private final NcpErrorCode code;
    private final int status;

    public NcpException(NcpErrorCode code, String details) {
        this(code, code.status(), details);
    }

    public NcpException(NcpErrorCode code, int status, String details) {
        super(details, null, false, false);
        this.code = code;
        this.status = status;
    }

    public NcpErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String details() {
        return getMessage();
    }
}
