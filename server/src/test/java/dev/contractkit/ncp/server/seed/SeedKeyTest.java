package dev.contractkit.ncp.server.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedKeyTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsEveryFieldAndLeavesOutWhatTheFileLeavesOut() throws Exception {
        List<SeedKey> keys = SeedKey.listFrom(mapper.readTree("""
                [{"apiKeyId": "k1", "apiKeyName": "one", "apiKeyDescription": "d", "isEnabled": false,
                  "primaryKey": "p", "secondaryKey": "s", "somethingElse": 1},
                 {"apiKeyName": "two"}]"""));
        assertThat(keys).containsExactly(new SeedKey("k1", "one", "d", false, "p", "s"),
                new SeedKey(null, "two", null, null, null, null));
    }

    @Test
    void namesTheFieldOfWrongType() {
        assertThatThrownBy(() -> SeedKey.listFrom(mapper.readTree("[{\"apiKeyName\": 5}]")))
                .hasMessageContaining("apiKeyName of a seed key must be a string");
        assertThatThrownBy(() -> SeedKey.listFrom(mapper.readTree("[{\"apiKeyName\": \"x\", \"isEnabled\": \"yes\"}]")))
                .hasMessageContaining("isEnabled of a seed key must be true or false");
        assertThatThrownBy(() -> SeedKey.listFrom(mapper.readTree("{\"apiKeyName\": \"x\"}")))
                .hasMessageContaining("JSON array");
        assertThatThrownBy(() -> SeedKey.listFrom(mapper.readTree("[\"x\"]")))
                .hasMessageContaining("JSON object");
    }
}
