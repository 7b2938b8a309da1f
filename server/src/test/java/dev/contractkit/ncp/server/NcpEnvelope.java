package dev.contractkit.ncp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;

/** Asserts that an answer is NCP's error envelope with the given status and code. */
public final class NcpEnvelope {
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("100", "Bad Request Exception"),
            Map.entry("200", "Authentication Failed"),
            Map.entry("210", "Permission Denied"),
            Map.entry("230", "Forbidden"),
            Map.entry("300", "Not Found Exception"),
            Map.entry("400", "Quota Exceeded"),
            Map.entry("410", "Throttle Limited"),
            Map.entry("420", "Rate Limited"),
            Map.entry("430", "Request Entity Too Large"),
            Map.entry("500", "Endpoint Error"),
            Map.entry("510", "Endpoint Timeout"),
            Map.entry("900", "Unexpected Error"));

    private NcpEnvelope() {
    }

    /** @return the envelope's {@code details} */
    public static String assertEnvelope(Response response, int status, String errorCode) {
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        JsonPath body = response.jsonPath();
        assertThat(body.getMap("$")).containsOnlyKeys("error");
        assertThat(body.getMap("error")).containsOnlyKeys("errorCode", "message", "details");
        assertThat(body.getString("error.errorCode")).isEqualTo(errorCode);
        assertThat(body.getString("error.message")).isEqualTo(MESSAGES.get(errorCode));
        String details = body.getString("error.details");
        assertThat(details).isNotBlank().doesNotContain("Exception:", "at dev.", "at io.", "java.");
        return details;
    }
}
