package dev.contractkit.ncp.server.store;

class InMemoryJournalStoreTest extends JournalStoreContract {
    @Override
    JournalStore emptyStore(int size) {
        return new InMemoryJournalStore(size);
    }
}
