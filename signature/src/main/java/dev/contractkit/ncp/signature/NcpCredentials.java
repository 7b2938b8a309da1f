package dev.contractkit.ncp.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An access key and its secret key. {@link #toString()} never shows the secret. */
public record NcpCredentials(String accessKey, String secretKey) {

    public NcpCredentials {
        requireText(accessKey, "accessKey");
        requireText(secretKey, "secretKey");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * Parses comma-separated {@code accessKey:secretKey} pairs, the format of the mock's
     * {@code ncp.mock.credentials} setting.
     */
    public static List<NcpCredentials> parseList(String pairs) {
        var result = new ArrayList<NcpCredentials>();
        for (String pair : pairs.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "expected accessKey:secretKey but got an entry of " + trimmed.length() + " characters without a proper ':'");
            }
            result.add(new NcpCredentials(trimmed.substring(0, colon).trim(), trimmed.substring(colon + 1).trim()));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no accessKey:secretKey pair given");
        }
        return List.copyOf(result);
    }

    @Override
    public String toString() {
        return "NcpCredentials[accessKey=" + accessKey + ", secretKey=****]";
    }
}
