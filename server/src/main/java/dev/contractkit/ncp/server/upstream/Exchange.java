package dev.contractkit.ncp.server.upstream;

import java.time.Instant;
import java.util.Map;

/**
 * One call the proxy forwarded and the upstream's answer, as they travelled (secrets included: it never
 * leaves the proxy as it is; {@link Scrubber} masks what is written or shown).
 *
 * @param path the path as the client called it, from the host root ({@code /api/v1/api-keys})
 * @param query the raw query, or null
 */
public record Exchange(Instant at, String method, String path, String query, Map<String, String> requestHeaders, String requestBody,
        int status, Map<String, String> responseHeaders, String responseBody) {
}
