package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.JournalStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The journals in Redis, one list per journal ({@code ncp:journal:{id}}), shared by every replica. Entries are
 * gathered for {@link #GATHER_MILLIS} and written a journal at a time, appended and trimmed to the cap in one
 * script, so that under load a replica adds one Redis call per few hundred requests, not one per request. A read
 * on this replica writes what it holds first (one connection, in order), so it lists every call this replica
 * answered; the other replicas' calls show within those milliseconds. A journal nobody writes to for
 * {@code idleExpiry} is dropped by Redis.
 */
public class RedisJournalStore implements JournalStore {
    private static final Logger LOG = Logger.getLogger(RedisJournalStore.class);
    private static final LuaScript ADD = LuaScript.load("journal-add");
    static final long GATHER_MILLIS = 2;
    private static final int PER_CALL = 1000;

    private final RedisTransport redis;
    private final String size;
    private final String idleExpiryMillis;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushDue = new AtomicBoolean();

    /** An entry waiting for the next write, its text made then (on a worker thread, not on the recorded request's). */
    private record Pending(String journalId, Supplier<String> entry) {
    }

    RedisJournalStore(RedisTransport redis, int size, Duration idleExpiry) {
        this.redis = redis;
        this.size = Integer.toString(size);
        this.idleExpiryMillis = Long.toString(idleExpiry.toMillis());
    }

    static String key(String journalId) {
        return "ncp:journal:{" + journalId + "}";
    }

    @Override
    public void add(String journalId, Supplier<String> entry) {
        pending.add(new Pending(journalId, entry));
        if (flushDue.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().schedule(this::flush, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Uni<List<String>> entries(String journalId) {
        flush();
        return redis.send(Request.cmd(Command.LRANGE).arg(key(journalId)).arg(0).arg(-1)).map(answer -> {
            List<String> entries = new ArrayList<>(answer.size());
            for (int i = 0; i < answer.size(); i++) {
                entries.add(answer.get(i).toString());
            }
            return entries;
        });
    }

    @Override
    public Uni<Long> size(String journalId) {
        flush();
        return redis.send(Request.cmd(Command.LLEN).arg(key(journalId))).map(Response::toLong);
    }

    @Override
    public Uni<Void> clear(String journalId) {
        flush();
        return redis.send(Request.cmd(Command.DEL).arg(key(journalId))).replaceWithVoid();
    }

    /** Writes what is pending, a journal at a time, in the order it came. */
    private void flush() {
        flushDue.set(false);
        Map<String, List<String>> byJournal = new LinkedHashMap<>();
        for (Pending entry = pending.poll(); entry != null; entry = pending.poll()) {
            byJournal.computeIfAbsent(entry.journalId(), id -> new ArrayList<>()).add(entry.entry().get());
        }
        byJournal.forEach((journalId, entries) -> {
            for (int from = 0; from < entries.size(); from += PER_CALL) {
                List<String> part = entries.subList(from, Math.min(entries.size(), from + PER_CALL));
                String[] args = new String[part.size() + 2];
                args[0] = size;
                args[1] = idleExpiryMillis;
                for (int i = 0; i < part.size(); i++) {
                    args[i + 2] = part.get(i);
                }
                redis.eval(ADD, new String[] {key(journalId)}, args).subscribe().with(done -> { },
                        failure -> LOG.debugf("%d journal entries of %s were lost: %s", part.size(), journalId, failure.getMessage()));
            }
        });
    }
}
