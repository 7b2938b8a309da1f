package dev.contractkit.ncp.server.store.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.store.KeySlot;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.StoredSubscription;
import dev.contractkit.ncp.server.store.SubscriptionState;
import dev.contractkit.ncp.server.store.Usage;
import java.time.Instant;
import java.util.TreeMap;

/**
 * The JSON of keys and subscriptions in Redis, and the one owner of its field names: the records below.
 * The Lua scripts read and write the same fields ({@code StoredJsonTest} checks every name they use is one
 * of these), and {@link #valueField} names the field a regeneration replaces.
 */
final class StoredJson {
    private final ObjectMapper json = new ObjectMapper();

    /** A key as stored: every field but the list position, which the sorted set keeps. */
    record KeyJson(String apiKeyId, String tenantId, String apiKeyName, String apiKeyDescription, String primaryKey,
            String secondaryKey, String modifier, boolean enabled, String modTime, String domainCode) {
    }

    /** A subscription as stored: fields in a fixed order and plans sorted, so equal subscriptions are equal strings. */
    record SubscriptionJson(String apiKeyId, String productId, String status, String regTime, String modTime,
            TreeMap<String, String> usagePlans) {
    }

    /** A key's counters on a stage, as {@code admit.lua} writes them. */
    record UsageJson(String day, String month, long dayUsage, long monthUsage, long dayCalls, long monthCalls) {
    }

    /** The counters read back, as of the given day and month (counters of an earlier period are 0). */
    Usage usage(String text, String today, String thisMonth) {
        UsageJson u = read(text, UsageJson.class);
        boolean sameDay = today.equals(u.day());
        boolean sameMonth = thisMonth.equals(u.month());
        return new Usage(sameDay ? u.dayUsage() : 0, sameMonth ? u.monthUsage() : 0, sameDay ? u.dayCalls() : 0,
                sameMonth ? u.monthCalls() : 0);
    }

    /** The field of {@link KeyJson} that holds this key type's value. */
    static String valueField(KeySlot slot) {
        return slot == KeySlot.PRIMARY ? "primaryKey" : "secondaryKey";
    }

    String write(StoredApiKey key) {
        return write(new KeyJson(key.apiKeyId(), key.tenantId(), key.apiKeyName(), key.apiKeyDescription(), key.primaryKey(),
                key.secondaryKey(), key.modifier(), key.enabled(), key.modTime().toString(), key.domainCode()));
    }

    String write(StoredSubscription subscription) {
        return write(new SubscriptionJson(subscription.apiKeyId(), subscription.productId(), subscription.status().name(),
                subscription.regTime().toString(), subscription.modTime().toString(), new TreeMap<>(subscription.usagePlans())));
    }

    /** A key read back. */
    StoredApiKey key(String text) {
        KeyJson k = read(text, KeyJson.class);
        return new StoredApiKey(k.apiKeyId(), k.tenantId(), k.apiKeyName(), k.apiKeyDescription(), k.primaryKey(), k.secondaryKey(),
                k.modifier(), k.enabled(), Instant.parse(k.modTime()), k.domainCode());
    }

    StoredSubscription subscription(String text) {
        SubscriptionJson s = read(text, SubscriptionJson.class);
        return new StoredSubscription(s.apiKeyId(), s.productId(), SubscriptionState.valueOf(s.status()), Instant.parse(s.regTime()),
                Instant.parse(s.modTime()), s.usagePlans());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not the JSON this store writes", e);
        }
    }
}
