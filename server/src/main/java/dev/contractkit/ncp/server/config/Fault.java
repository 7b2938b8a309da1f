package dev.contractkit.ncp.server.config;

import dev.contractkit.ncp.server.error.NcpErrorCode;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A forced failure: one of NCP's error answers, or an injected crash (500 "900", as an unexpected failure answers). */
public record Fault(Optional<NcpErrorCode> error) {
    static final String CRASH = "crash";
    static final String NONE = "none";

    public static Optional<Fault> parse(String text) {
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

    public boolean isCrash() {
        return error.isEmpty();
    }

    static String knownCodes() {
        return Arrays.stream(NcpErrorCode.values()).map(NcpErrorCode::code).collect(Collectors.joining(", "));
    }

    /** For {@code ncp.mock.fault}; {@code none} is no fault. */
    public static final class Converter implements org.eclipse.microprofile.config.spi.Converter<Fault> {
        @Override
        public Fault convert(String value) {
            return parse(value).orElse(null);
        }
    }
}
