package dev.contractkit.ncp.server.metrics;

import dev.contractkit.ncp.server.store.JournalStore;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.server.store.WorkspaceStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * What the stores hold, read every {@link #REFRESH_MILLIS} ms (in the background: a scrape never waits on a
 * store) and shown as gauges, the same on every replica of a shared mock:
 * {@code ncp_mock_workspaces} (live workspaces) and {@code ncp_mock_journal_entries{journal="configured"|"workspaces"}}
 * (entries in the configured tenants' journal, and in all workspaces' journals together).
 */
@Singleton
public class StoreGauges {
    static final long REFRESH_MILLIS = 2000;
    private static final Logger LOG = Logger.getLogger(StoreGauges.class);

    private final WorkspaceStore workspaces;
    private final JournalStore journals;
    private final Clock clock;
    private final AtomicLong workspaceCount = new AtomicLong();
    private final AtomicLong configuredEntries = new AtomicLong();
    private final AtomicLong workspaceEntries = new AtomicLong();
    private final AtomicBoolean busy = new AtomicBoolean();

    public StoreGauges(WorkspaceStore workspaces, JournalStore journals, Clock clock, MeterRegistry registry) {
        this.workspaces = workspaces;
        this.journals = journals;
        this.clock = clock;
        Gauge.builder("ncp.mock.workspaces", workspaceCount, AtomicLong::get).description("Live workspaces").register(registry);
        Gauge.builder("ncp.mock.journal.entries", configuredEntries, AtomicLong::get).tag("journal", "configured")
                .description("Entries in the request journals").register(registry);
        Gauge.builder("ncp.mock.journal.entries", workspaceEntries, AtomicLong::get).tag("journal", "workspaces")
                .description("Entries in the request journals").register(registry);
    }

    /** Reads the stores once the mock has started, and every {@link #REFRESH_MILLIS} ms after. */
    void start(@Observes StartupEvent started, Vertx vertx) {
        refresh();
        vertx.setPeriodic(REFRESH_MILLIS, id -> refresh());
    }

    void refresh() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        Uni<Long> configured = journals.size(JournalStore.journalOf(null));
        Uni<Long> ofWorkspaces = workspaces.list(clock.instant()).chain(live -> {
            workspaceCount.set(live.size());
            if (live.isEmpty()) {
                return Uni.createFrom().item(0L);
            }
            List<Uni<Long>> sizes = live.stream().map(Workspace::workspaceId).map(JournalStore::journalOf).map(journals::size).toList();
            return Uni.join().all(sizes).andFailFast().map(all -> all.stream().mapToLong(Long::longValue).sum());
        });
        Uni.combine().all().unis(configured, ofWorkspaces).asTuple().subscribe().with(sizes -> {
            configuredEntries.set(sizes.getItem1());
            workspaceEntries.set(sizes.getItem2());
            busy.set(false);
        }, failure -> {
            busy.set(false);
            LOG.debugf("the store gauges were not read: %s", failure.getMessage());
        });
    }
}
