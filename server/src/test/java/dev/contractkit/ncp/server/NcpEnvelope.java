package dev.contractkit.ncp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;

/** Asserts that an answer is NCP's error envelope with the given status and code. */
public final class NcpEnvelope {
    private static final Map<String, String> MESSAGES = Map.of(
            "100", "Bad Request Exception",
            "200", "Authentication Failed",
            "230", "Forbidden",
            "300", "Not Found Exception",
            "410", "Throttle Limited",
            "430", "Request Entity Too Large",
            "500", "Endpoint Error",
            "900", "Unexpected Error");

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
