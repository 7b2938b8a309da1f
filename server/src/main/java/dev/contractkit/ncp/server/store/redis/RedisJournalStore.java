package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.JournalStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The journals in Redis, one list per journal ({@code ncp:journal:{id}}), shared by every replica: an entry is
 * appended and the list trimmed to its cap in one script; a journal nobody writes to for {@code idleExpiry} is
 * dropped by Redis.
 */
public class RedisJournalStore implements JournalStore {
    private static final Logger LOG = Logger.getLogger(RedisJournalStore.class);
    private static final LuaScript ADD = LuaScript.load("journal-add");

    private final RedisTransport redis;
    private final String size;
    private final String idleExpiryMillis;

    RedisJournalStore(RedisTransport redis, int size, Duration idleExpiry) {
        this.redis = redis;
        this.size = Integer.toString(size);
        this.idleExpiryMillis = Long.toString(idleExpiry.toMillis());
    }

    static String key(String journalId) {
        return "ncp:journal:{" + journalId + "}";
    }

    @Override
    public void add(String journalId, String entry) {
        redis.eval(ADD, new String[] {key(journalId)}, entry, size, idleExpiryMillis).subscribe().with(done -> { },
                failure -> LOG.debugf("a journal entry of %s was lost: %s", journalId, failure.getMessage()));
    }

    @Override
    public Uni<List<String>> entries(String journalId) {
        return redis.send(Request.cmd(Command.LRANGE).arg(key(journalId)).arg(0).arg(-1)).map(answer -> {
            List<String> entries = new ArrayList<>(answer.size());
            for (int i = 0; i < answer.size(); i++) {
                entries.add(answer.get(i).toString());
            }
            return entries;
        });
    }

    @Override
    public Uni<Void> clear(String journalId) {
        return redis.send(Request.cmd(Command.DEL).arg(key(journalId))).replaceWithVoid();
    }
}
