package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {
    private final InMemoryApiKeyStore memory = new InMemoryApiKeyStore(CLOCK);

    @Override
    Stores emptyStores() {
        return Stores.inMemory(CLOCK, new KeyValueGenerator(), Integer.MAX_VALUE, 1000);
    }

    @Override
    ApiKeyStore emptyStoreHolding(int maxKeys) {
        return new InMemoryApiKeyStore(CLOCK, new KeyValueGenerator(), maxKeys);
    }

    @Test
    void readingAnUnknownTenantLeavesNothingBehind() {
        for (int i = 0; i < 1000; i++) {
            memory.find("stranger" + i, "k3v9qz0m2a").await().indefinitely();
            memory.list("stranger" + i, null, 0, 10).await().indefinitely();
            memory.regenerate("stranger" + i, "k3v9qz0m2a", KeySlot.PRIMARY, "x").await().indefinitely();
            memory.delete("stranger" + i, "k3v9qz0m2a").await().indefinitely();
        }
        assertThat(memory.tenantCount()).isZero();
        memory.create("t1", "name", "d", "me").await().indefinitely();
        assertThat(memory.tenantCount()).isEqualTo(1);
    }

    @Test
    void toStringMasksKeyValues() {
        StoredApiKey key = memory.create("t1", "name", "d", "me").await().indefinitely();
        assertThat(key.toString()).doesNotContain(key.primaryKey()).doesNotContain(key.secondaryKey())
                .contains(key.primaryKey().substring(36));
    }
}
