package dev.contractkit.ncp.specgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the gate on mutated copies of the real contract: one edit per rule, each either breaking (the
 * verdict fails and names the operation, the field and the change) or compatible (the verdict passes
 * and the report lists it).
 */
class CompatibilityCheckTest {
    private static final String PATCH = "PATCH /api-keys/{api-key-id}";
    private static String spec;
    private static Path rules;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSpec() throws IOException {
        spec = Files.readString(Path.of(System.getProperty("ncp.spec")));
        rules = Path.of(System.getProperty("ncp.spec.rules"));
    }

    @Test
    void theContractAsItIsHasNoChanges() throws IOException {
        CompatibilityCheck.Verdict verdict = check(spec);
        assertThat(verdict.compatible()).isTrue();
        assertThat(verdict.changed()).isFalse();
        assertThat(verdict.report()).contains("No changes.");
    }

    // ---- breaking ------------------------------------------------------------------------------------

    @Test
    void anOptionalRequestFieldThatBecomesRequiredBreaks() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, "      required: [apiKeyName]\n",
                "      required: [apiKeyName, apiKeyDescription]\n"));
        assertThat(verdict.breaking()).containsExactly(
                "POST /api-keys: request body: apiKeyDescription: optional field became required");
    }

    @Test
    void aNewRequiredRequestFieldBreaks() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, """
                      required: [keyType]
                      properties:
                        keyType:
                          $ref: '#/components/schemas/KeyType'
                """, """
                      required: [keyType, reason]
                      properties:
                        keyType:
                          $ref: '#/components/schemas/KeyType'
                        reason:
                          type: string
                """));
        assertThat(verdict.breaking()).containsExactly(PATCH + ": request body: reason: new required field");
    }

    @Test
    void aRequestEnumThatLosesAValueBreaks() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, "enum: [PRIMARY, SECONDARY]", "enum: [PRIMARY]"));
        assertThat(verdict.breaking()).containsExactly(
                PATCH + ": request body: keyType: enum value(s) no longer accepted: [SECONDARY]");
    }

    @Test
    void aRemovedResponseFieldBreaksEveryOperationThatAnswersIt() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, """
                        isEnabled:
                          type: boolean
                          description: Whether the key is enabled; a new key starts enabled
                """, ""));
        assertThat(verdict.breaking()).contains(
                "GET /api-keys/{api-key-id}: response 200: isEnabled: response field removed (or renamed)",
                PATCH + ": response 200: apiKey.isEnabled: response field removed (or renamed)",
                "GET /api-keys: response 200: apiKeys[].isEnabled: response field removed (or renamed)");
        assertThat(verdict.report()).contains("BREAKING", "apiKey.isEnabled");
    }

    @Test
    void aRenamedResponseFieldBreaks() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, """
                        isEnabled:
                          type: boolean
                          description: Whether the key is enabled; a new key starts enabled
                """, """
                        enabled:
                          type: boolean
                          description: Whether the key is enabled; a new key starts enabled
                """));
        assertThat(verdict.breaking()).contains(
                "GET /api-keys/{api-key-id}: response 200: isEnabled: response field removed (or renamed)");
    }

    @Test
    void aFieldTypeThatChangesBreaks() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, """
                        total:
                          type: integer
                          format: int64
                """, """
                        total:
                          type: string
                """));
        assertThat(verdict.breaking()).containsExactly(
                "GET /api-keys: response 200: total: type changed from integer (int64) to string");
    }

    @Test
    void aRequestFieldTypeThatChangesBreaks() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, """
                        isEnabled:
                          type: boolean
                          description: true enables the key, false disables it
                """, """
                        isEnabled:
                          type: string
                          description: true enables the key, false disables it
                """));
        assertThat(verdict.breaking()).containsExactly(
                "PUT /api-keys/{api-key-id}: request body: isEnabled: type changed from boolean to string");
    }

    @Test
    void aRemovedOperationBreaks() throws IOException {
        String withoutDelete = spec.replaceAll("(?s)\n    delete:\n.*?(?=\n    patch:)", "");
        assertThat(withoutDelete).isNotEqualTo(spec);
        CompatibilityCheck.Verdict verdict = check(withoutDelete);
        assertThat(verdict.breaking()).containsExactly("DELETE /api-keys/{api-key-id}: operation removed");
    }

    @Test
    void aRemovedStatusCodeBreaks() throws IOException {
        // the first 504 of the file belongs to createApiKey
        CompatibilityCheck.Verdict verdict = check(replace(spec, "        '504': {$ref: '#/components/responses/EndpointTimeout'}\n", ""));
        assertThat(verdict.breaking()).containsExactly("POST /api-keys: response 504: status code no longer documented");
    }

    @Test
    void aTighterRequestLimitBreaks() throws IOException {
        String put = "          maxLength: 50\n          description: Description of the API key\n        isEnabled:\n";
        CompatibilityCheck.Verdict verdict = check(replace(spec, put, put.replace("maxLength: 50", "maxLength: 10")));
        assertThat(verdict.breaking()).containsExactly(
                "PUT /api-keys/{api-key-id}: request body: apiKeyDescription: maxLength lowered: 50 -> 10");
    }

    @Test
    void everyBreakingChangeIsNamedAtOnce() throws IOException {
        String both = replace(replace(spec, "enum: [PRIMARY, SECONDARY]", "enum: [SECONDARY]"),
                "      required: [apiKeyName]\n", "      required: [apiKeyName, apiKeyDescription]\n");
        assertThat(check(both).breaking()).hasSize(2);
    }

    // ---- compatible ------------------------------------------------------------------------------------

    @Test
    void anOptionalResponseFieldAddedIsCompatible() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, """
                        domainCode:
                          type: string
                """, """
                        createdTime:
                          type: string
                          format: date-time
                        domainCode:
                          type: string
                """));
        assertCompatibleChange(verdict);
    }

    @Test
    void aRelaxedRequestLimitIsCompatible() throws IOException {
        String name = "          maxLength: 20\n          description: Name of the API key (the";
        CompatibilityCheck.Verdict verdict = check(replace(spec, name, name.replace("20", "40")));
        assertCompatibleChange(verdict);
    }

    @Test
    void aNewOperationIsCompatible() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, "components:\n", """
                  /api-keys/{api-key-id}/dashboard:
                    parameters:
                      - $ref: '#/components/parameters/ApiKeyId'
                    get:
                      tags: [ApiKeys]
                      operationId: getApiKeyDashboard
                      responses:
                        '200':
                          description: The dashboard of the key
                          content:
                            application/json:
                              schema:
                                type: object
                components:
                """));
        assertCompatibleChange(verdict);
        assertThat(verdict.report()).contains("/api-keys/{api-key-id}/dashboard");
    }

    @Test
    void aNewOptionalQueryParameterIsCompatible() throws IOException {
        CompatibilityCheck.Verdict verdict = check(replace(spec, """
                        - name: apiKeyName
                          in: query
                """, """
                        - name: sort
                          in: query
                          required: false
                          schema:
                            type: string
                        - name: apiKeyName
                          in: query
                """));
        assertCompatibleChange(verdict);
    }

    @Test
    void theBuildStepFailsNamingTheChangeAndWritesTheReport() throws IOException {
        Path current = write(replace(spec, "enum: [PRIMARY, SECONDARY]", "enum: [PRIMARY]"));
        Path report = dir.resolve("out/changes.md");
        String[] args = {"--released=" + write("released.yaml", spec), "--current=" + current, "--rules=" + rules, "--report=" + report};
        assertThatThrownBy(() -> SpecGate.main(args))
                .isInstanceOf(SpecGate.IncompatibleContractException.class)
                .hasMessageContaining("1 change(s) break existing clients")
                .hasMessageContaining(PATCH + ": request body: keyType: enum value(s) no longer accepted: [SECONDARY]");
        assertThat(report).content().contains("BREAKING", "[SECONDARY]");
    }

    @Test
    void allowingBreakingChangesReportsThemWithoutFailing() throws IOException {
        Path current = write(replace(spec, "enum: [PRIMARY, SECONDARY]", "enum: [PRIMARY]"));
        Path report = dir.resolve("changes.md");
        SpecGate.main(new String[] {"--released=" + write("released.yaml", spec), "--current=" + current, "--rules=" + rules,
                "--report=" + report, "--allow-breaking=true"});
        assertThat(report).content().contains("Changes that break existing clients", "[SECONDARY]");
    }

    @Test
    void aRuleSwitchedOffInTheRuleFileLetsThatChangePass() throws IOException {
        Path relaxed = write("rules.yaml", replace(Files.readString(rules),
                "    enum:\n      decreased: true", "    enum:\n      decreased: false"));
        CompatibilityCheck.Verdict verdict = CompatibilityCheck.compare(write("released.yaml", spec),
                write(replace(spec, "enum: [PRIMARY, SECONDARY]", "enum: [PRIMARY]")), relaxed);
        assertThat(verdict.compatible()).isTrue();
    }

    @Test
    void theReleasedContractIsTheOneFileOfItsFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("released"));
        Path only = Files.writeString(folder.resolve("2024-05-08.yaml"), spec);
        assertThat(SpecGate.releasedContract(folder)).isEqualTo(only);
        Files.writeString(folder.resolve("2025-01-01.yaml"), spec);
        assertThatThrownBy(() -> SpecGate.releasedContract(folder)).hasMessageContaining("exactly one released contract");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private void assertCompatibleChange(CompatibilityCheck.Verdict verdict) {
        assertThat(verdict.breaking()).isEmpty();
        assertThat(verdict.changed()).isTrue();
        assertThat(verdict.report()).contains("Verdict: compatible");
    }

    private CompatibilityCheck.Verdict check(String current) throws IOException {
        return CompatibilityCheck.compare(write("released.yaml", spec), write(current), rules);
    }

    private Path write(String text) throws IOException {
        return write("current.yaml", text);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String replace(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("the spec contains %s", from).isNotNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
