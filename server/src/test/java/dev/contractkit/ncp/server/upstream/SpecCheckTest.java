package dev.contractkit.ncp.server.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check of an exchange against the spec, and the canonical form that lets a conforming exchange stand for the
 * ones that differ from it only where the spec leaves values free.
 */
class SpecCheckTest {
    private static final SpecCheck CHECK = new SpecCheck();
    private static final String KEY = """
            {"apiKey": {"apiKeyId": "seedweb001", "apiKeyName": "web", "primaryKey": "%s", "secondaryKey": "S0000000001",
             "isEnabled": true, "modTime": "%s"}}""";

    @Test
    void keyValuesAndTimesAreFreeButEnumsAndBrokenTimesAreNot() {
        assertThat(CHECK.canonical(KEY.formatted("AAAA1111", "2026-12-01T00:00:00Z")))
                .isEqualTo(CHECK.canonical(KEY.formatted("BBBB2222", "2027-01-02T03:04:05Z")))
                .doesNotContain("AAAA1111");
        assertThat(CHECK.canonical(KEY.formatted("AAAA1111", "yesterday"))).contains("yesterday")
                .isNotEqualTo(CHECK.canonical(KEY.formatted("AAAA1111", "2026-12-01T00:00:00Z")));
        assertThat(CHECK.canonical("{\"subscriptionCode\": \"PUBLIC\"}")).isNotEqualTo(CHECK.canonical("{\"subscriptionCode\": \"SECRET\"}"));
        assertThat(CHECK.canonical("{\"isEnabled\": \"yes\"}")).contains("yes");
        assertThat(CHECK.canonical("not json")).isEqualTo("not json");
    }

    @Test
    void aConformingExchangeHasNoFindingAndADriftedOneNamesTheRule() {
        Map<String, String> headers = Map.of("x-ncp-apigw-timestamp", "1", "x-ncp-iam-access-key", "A", "x-ncp-apigw-signature-v2", "S",
                "Content-Type", "application/json");
        Map<String, String> json = Map.of("Content-Type", "application/json");
        String good = KEY.formatted("AAAA1111", "2026-12-01T00:00:00Z");
        assertThat(CHECK.check(new Exchange(Instant.EPOCH, "PATCH", "/api/v1/api-keys/seedweb001", null, headers, "{\"keyType\": \"PRIMARY\"}",
                200, json, good))).isEmpty();
        assertThat(CHECK.check(new Exchange(Instant.EPOCH, "PATCH", "/api/v1/api-keys/seedweb001", null, headers, "{\"keyType\": \"PRIMARY\"}",
                200, json, good.replace("isEnabled", "enabled"))))
                .extracting(SpecCheck.Finding::rule).containsExactly("validation.response.body.schema.additionalProperties");
    }
}
