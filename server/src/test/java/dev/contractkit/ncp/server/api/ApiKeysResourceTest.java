package dev.contractkit.ncp.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeysResourceTest {
    private static final String KEY_VALUE = "[A-Za-z0-9]{32,}";
    private static final String WHOLE_SECONDS_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Inject
    TestClock clock;

    SignedRequests tenant;

    @BeforeEach
    void signAsTenantA() {
        tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void createAnswers201WithAFreshEnabledKeyInTheApiKeyWrapper() {
        JsonPath created = tenant.create("web-frontend", "Key for the storefront").then()
                .statusCode(201)
                .contentType("application/json")
                .body("apiKey.apiKeyId", matchesPattern("[a-z0-9]{10}"))
                .body("apiKey.tenantId", matchesPattern("[0-9a-f]{32}"))
                .body("apiKey.apiKeyName", equalTo("web-frontend"))
                .body("apiKey.apiKeyDescription", equalTo("Key for the storefront"))
                .body("apiKey.primaryKey", matchesPattern(KEY_VALUE))
                .body("apiKey.secondaryKey", matchesPattern(KEY_VALUE))
                .body("apiKey.modifier", matchesPattern("[0-9a-f-]{36}"))
                .body("apiKey.isEnabled", equalTo(true))
                .body("apiKey.modTime", matchesPattern(WHOLE_SECONDS_UTC))
                .body("apiKey.domainCode", equalTo("PUB"))
                .extract().jsonPath();
        assertThat(created.getString("apiKey.primaryKey")).isNotEqualTo(created.getString("apiKey.secondaryKey"));
        assertThat(created.getMap("apiKey")).containsOnlyKeys("apiKeyId", "tenantId", "apiKeyName", "apiKeyDescription",
                "primaryKey", "secondaryKey", "modifier", "isEnabled", "modTime", "domainCode");
    }

    @Test
    void createWithoutDescriptionAnswersAnEmptyOne() {
        tenant.sendJson("POST", "/api/v1/api-keys", """
                {"apiKeyName": "no-description"}
                """).then().statusCode(201).body("apiKey.apiKeyDescription", equalTo(""));
    }

    @Test
    void getOneAnswersTheBareObject() {
        String id = tenant.createdId("bare-object");
        tenant.get(id).then()
                .statusCode(200)
                .body("apiKeyId", equalTo(id))
                .body("apiKeyName", equalTo("bare-object"))
                .body("apiKey", nullValue());
    }

    @Test
    void listPagesWithOffsetAndLimitAndCountsTotals() {
        String prefix = "page-" + System.nanoTime() % 100000;
        for (int i = 0; i < 5; i++) {
            tenant.createdId(prefix + "-" + i);
        }
        JsonPath page = tenant.send("GET", "/api/v1/api-keys?apiKeyName=" + prefix + "&offset=1&limit=2").then()
                .statusCode(200)
                .body("apiKeys", hasSize(2))
                .body("total", equalTo(5))
                .extract().jsonPath();
        assertThat(page.getList("apiKeys.apiKeyName", String.class)).containsExactly(prefix + "-1", prefix + "-2");
        assertThat(page.getLong("initialCount")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void listDefaultsToOffset0AndLimit20() {
        for (int i = 0; i < 21; i++) {
            tenant.createdId("many-" + i);
        }
        JsonPath all = tenant.send("GET", "/api/v1/api-keys").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("apiKeys")).hasSize(20);
        assertThat(all.getLong("total")).isGreaterThanOrEqualTo(21);
        assertThat(all.getLong("initialCount")).isEqualTo(all.getLong("total"));
    }

    @Test
    void listFiltersByNameAndCountsBeforeTheFilterInInitialCount() {
        String unique = "flt" + System.nanoTime() % 1000000;
        tenant.createdId(unique);
        JsonPath filtered = tenant.send("GET", "/api/v1/api-keys?apiKeyName=" + unique).then().statusCode(200).extract().jsonPath();
        assertThat(filtered.getList("apiKeys.apiKeyName", String.class)).containsExactly(unique);
        assertThat(filtered.getLong("total")).isEqualTo(1);
        assertThat(filtered.getLong("initialCount")).isGreaterThan(1);
    }

    @Test
    void editChangesNameDescriptionAndEnabledButNotTheKeys() {
        JsonPath before = tenant.create("to-edit", "before").then().statusCode(201).extract().jsonPath();
        String id = before.getString("apiKey.apiKeyId");
        clock.advance(Duration.ofSeconds(3));
        tenant.sendJson("PUT", "/api/v1/api-keys/" + id, """
                {"apiKeyName": "edited", "apiKeyDescription": "after", "isEnabled": false}
                """).then()
                .statusCode(200)
                .body("apiKey.apiKeyName", equalTo("edited"))
                .body("apiKey.apiKeyDescription", equalTo("after"))
                .body("apiKey.isEnabled", equalTo(false))
                .body("apiKey.primaryKey", equalTo(before.getString("apiKey.primaryKey")))
                .body("apiKey.secondaryKey", equalTo(before.getString("apiKey.secondaryKey")))
                .body("apiKey.modTime", not(equalTo(before.getString("apiKey.modTime"))));
        tenant.get(id).then().body("apiKeyName", equalTo("edited")).body("isEnabled", equalTo(false));
    }

    @Test
    void deleteAnswers204WithNoBodyThenTheKeyIsGone() {
        String id = tenant.createdId("to-delete");
        tenant.send("DELETE", "/api/v1/api-keys/" + id).then().statusCode(204).body(equalTo(""));
        tenant.get(id).then().statusCode(404).body("error.errorCode", equalTo("300"));
        tenant.send("DELETE", "/api/v1/api-keys/" + id).then().statusCode(404).body("error.errorCode", equalTo("300"));
    }

    @Test
    void regeneratePrimaryChangesOnlyThePrimaryKeyAndMovesModTime() {
        Map<String, Object> before = tenant.create("regen-primary", "d").then().statusCode(201).extract().path("apiKey");
        String id = (String) before.get("apiKeyId");
        clock.advance(Duration.ofSeconds(2));

        Map<String, Object> after = tenant.regenerate(id, "PRIMARY").then().statusCode(200).extract().path("apiKey");

        assertThat(after.get("primaryKey")).isNotEqualTo(before.get("primaryKey"));
        assertThat((String) after.get("primaryKey")).matches(KEY_VALUE);
        assertThat(after.get("modTime")).isNotEqualTo(before.get("modTime"));
        assertThat(after).usingRecursiveComparison().ignoringFields("primaryKey", "modTime").isEqualTo(before);
        tenant.get(id).then().body("primaryKey", equalTo(after.get("primaryKey")));
    }

    @Test
    void regenerateSecondaryChangesOnlyTheSecondaryKey() {
        Map<String, Object> before = tenant.create("regen-secondary", "d").then().statusCode(201).extract().path("apiKey");
        String id = (String) before.get("apiKeyId");

        Map<String, Object> after = tenant.regenerate(id, "SECONDARY").then().statusCode(200).extract().path("apiKey");

        assertThat(after.get("secondaryKey")).isNotEqualTo(before.get("secondaryKey"));
        assertThat(after).usingRecursiveComparison().ignoringFields("secondaryKey", "modTime").isEqualTo(before);
        tenant.get(id).then().body("secondaryKey", equalTo(after.get("secondaryKey")));
    }

    @Test
    void aDisabledKeyCanBeRegeneratedAndStaysDisabled() {
        String id = tenant.createdId("disabled");
        tenant.sendJson("PUT", "/api/v1/api-keys/" + id, """
                {"apiKeyName": "disabled", "isEnabled": false}
                """).then().statusCode(200);
        tenant.regenerate(id, "PRIMARY").then().statusCode(200).body("apiKey.isEnabled", equalTo(false));
    }

    @Test
    void regeneratedKeysNeverRepeat() {
        String id = tenant.createdId("never-repeat");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            seen.add(tenant.regenerate(id, i % 2 == 0 ? "PRIMARY" : "SECONDARY").then().statusCode(200)
                    .extract().path(i % 2 == 0 ? "apiKey.primaryKey" : "apiKey.secondaryKey"));
        }
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheKey() {
        String id = tenant.createdId("tenant-a-only");
        SignedRequests other = SignedRequests.as(SignedRequests.TENANT_B, clock);

        other.get(id).then().statusCode(404).body("error.errorCode", equalTo("300"));
        other.regenerate(id, "PRIMARY").then().statusCode(404);
        other.send("DELETE", "/api/v1/api-keys/" + id).then().statusCode(404);
        assertThat(other.send("GET", "/api/v1/api-keys?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("apiKeys.apiKeyId", String.class)).doesNotContain(id);
        tenant.get(id).then().statusCode(200);
    }
}
