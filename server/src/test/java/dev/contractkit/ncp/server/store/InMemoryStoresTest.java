package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest extends StoresContract {
    private final KeyStore memory = emptyStores(Integer.MAX_VALUE).keys();

    @Override
    Stores emptyStores(int maxKeys) {
        return Stores.inMemory(CLOCK, new KeyValueGenerator(), maxKeys, 1000);
    }

    /**
     * Only writes make a tenant: with verification off any access key is a tenant, and reads of unknown tenants
     * (100,000 of them here, each a few hundred bytes if it were kept) must leave nothing behind.
     */
    @Test
    void readingUnknownTenantsLeavesNothingBehind() {
        readAsStrangers(0, 1_000);
        long before = usedAfterGc();
        readAsStrangers(1_000, 100_000);
        long after = usedAfterGc();
        assertThat(after - before).as("heap growth in bytes after reads of 100,000 unknown tenants").isLessThan(4L * 1024 * 1024);
        memory.create("t1", "name", "d", "me").await().indefinitely();
        assertThat(memory.keyCount("t1").await().indefinitely()).isEqualTo(1);
    }

    private void readAsStrangers(int from, int count) {
        for (int i = from; i < from + count; i++) {
            memory.find("stranger" + i, "k3v9qz0m2a").await().indefinitely();
            memory.list("stranger" + i, null, 0, 10).await().indefinitely();
            memory.regenerate("stranger" + i, "k3v9qz0m2a", KeySlot.PRIMARY, "x").await().indefinitely();
            memory.delete("stranger" + i, "k3v9qz0m2a").await().indefinitely();
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, heap.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    @Test
    void toStringMasksKeyValues() {
        StoredApiKey key = memory.create("t1", "name", "d", "me").await().indefinitely();
        assertThat(key.toString()).doesNotContain(key.primaryKey()).doesNotContain(key.secondaryKey())
                .contains(key.primaryKey().substring(36));
    }
}
