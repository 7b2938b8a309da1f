package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.generated.model.KeyType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryApiKeyStoreTest {
    private static final Instant NOW = Instant.parse("2024-05-08T00:21:31.789Z");
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void createdKeysStartEnabledWithWholeSecondUtcTime() {
        StoredApiKey key = store.create("t1", "name", "", "me");
        assertThat(key.enabled()).isTrue();
        assertThat(key.modTime()).isEqualTo(Instant.parse("2024-05-08T00:21:31Z"));
        assertThat(key.domainCode()).isEqualTo("PUB");
        assertThat(key.apiKeyId()).matches("[a-z0-9]{10}");
        assertThat(key.primaryKey()).matches("[A-Za-z0-9]{40}").isNotEqualTo(key.secondaryKey());
    }

    @Test
    void regenerateReplacesOnlyTheChosenKey() {
        StoredApiKey key = store.create("t1", "name", "d", "me");
        StoredApiKey primary = store.regenerate("t1", key.apiKeyId(), KeyType.PRIMARY, "you").orElseThrow();
        assertThat(primary.primaryKey()).isNotEqualTo(key.primaryKey());
        assertThat(primary.secondaryKey()).isEqualTo(key.secondaryKey());
        assertThat(primary.modifier()).isEqualTo("you");

        StoredApiKey secondary = store.regenerate("t1", key.apiKeyId(), KeyType.SECONDARY, "you").orElseThrow();
        assertThat(secondary.primaryKey()).isEqualTo(primary.primaryKey());
        assertThat(secondary.secondaryKey()).isNotEqualTo(key.secondaryKey());
    }

    @Test
    void tenantsAreIsolated() {
        StoredApiKey key = store.create("t1", "name", "d", "me");
        assertThat(store.find("t2", key.apiKeyId())).isEmpty();
        assertThat(store.regenerate("t2", key.apiKeyId(), KeyType.PRIMARY, "x")).isEmpty();
        assertThat(store.update("t2", key.apiKeyId(), "n", "d", false, "x")).isEmpty();
        assertThat(store.delete("t2", key.apiKeyId())).isFalse();
        assertThat(store.list("t2", null, 0, 10).items()).isEmpty();
        assertThat(store.find("t1", key.apiKeyId())).contains(key);
    }

    @Test
    void listKeepsCreationOrderAndCountsBeforeAndAfterTheFilter() {
        for (String name : new String[] {"alpha", "beta", "alphabet", "gamma"}) {
            store.create("t1", name, "", "me");
        }
        ApiKeyPage page = store.list("t1", "alpha", 1, 5);
        assertThat(page.items()).extracting(StoredApiKey::apiKeyName).containsExactly("alphabet");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.initialCount()).isEqualTo(4);
    }

    @Test
    void deleteAnswersWhetherTheKeyWasThere() {
        StoredApiKey key = store.create("t1", "name", "d", "me");
        assertThat(store.delete("t1", key.apiKeyId())).isTrue();
        assertThat(store.delete("t1", key.apiKeyId())).isFalse();
        assertThat(store.find("t1", key.apiKeyId())).isEmpty();
        assertThat(store.regenerate("t1", key.apiKeyId(), KeyType.SECONDARY, "me")).isEmpty();
    }

    @Test
    void readingAnUnknownTenantLeavesNothingBehind() {
        for (int i = 0; i < 1000; i++) {
            store.find("stranger" + i, "k3v9qz0m2a");
            store.list("stranger" + i, null, 0, 10);
            store.regenerate("stranger" + i, "k3v9qz0m2a", KeyType.PRIMARY, "x");
            store.delete("stranger" + i, "k3v9qz0m2a");
        }
        assertThat(store.tenantCount()).isZero();
        store.create("t1", "name", "d", "me");
        assertThat(store.tenantCount()).isEqualTo(1);
    }

    @Test
    void toStringMasksKeyValues() {
        StoredApiKey key = store.create("t1", "name", "d", "me");
        assertThat(key.toString()).doesNotContain(key.primaryKey()).doesNotContain(key.secondaryKey())
                .contains(key.primaryKey().substring(36));
    }
}
