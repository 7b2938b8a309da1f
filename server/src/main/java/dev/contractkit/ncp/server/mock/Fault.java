package dev.contractkit.ncp.server.mock;

import dev.contractkit.ncp.server.error.NcpErrorCode;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A forced failure: one of NCP's error answers, or a crash inside the request handler. */
record Fault(Optional<NcpErrorCode> error) {
    static final String CRASH = "crash";
    static final String NONE = "none";

    static Optional<Fault> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase(NONE)) {
            return Optional.empty();
        }
        if (trimmed.equalsIgnoreCase(CRASH)) {
            return Optional.of(new Fault(Optional.empty()));
        }
        NcpErrorCode code = NcpErrorCode.byCode(trimmed).orElseThrow(() -> new IllegalArgumentException(
                "fault must be 'none', 'crash' or one of NCP's error codes (" + knownCodes() + "), not '" + text + "'"));
        return Optional.of(new Fault(Optional.of(code)));
    }

    boolean isCrash() {
        return error.isEmpty();
    }

    static String knownCodes() {
        return Arrays.stream(NcpErrorCode.values()).map(NcpErrorCode::code).collect(Collectors.joining(", "));
    }
}
