package dev.contractkit.ncp.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpException;
import dev.contractkit.ncp.server.journal.RequestJournal;
import dev.contractkit.ncp.server.store.KeyStore;
import dev.contractkit.ncp.server.store.Masking;
import dev.contractkit.ncp.server.store.MinuteCount;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.SubscriptionStore;
import dev.contractkit.ncp.server.store.UsageStore;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.server.subscription.CatalogProduct;
import dev.contractkit.ncp.server.subscription.ProductCatalog;
import dev.contractkit.ncp.server.upstream.DriftLog;
import dev.contractkit.ncp.server.upstream.Upstream;
import dev.contractkit.ncp.server.workspace.Workspaces;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console shows of one tenant, read from the stores (so every replica of a shared mock shows the same),
 * and the signatures its buttons send. A tenant is named {@code tenant:<n>} (the n-th configured credentials,
 * from 0) or {@code workspace:<id>}.
 */
@Singleton
public class ConsoleState {
    /** The most keys the page lists (the total is shown too). */
    static final int KEYS_SHOWN = 200;
    /** The journal's newest entries the page lists. */
    static final int JOURNAL_SHOWN = 50;

    private final Tenants tenants;
    private final Workspaces workspaces;
    private final KeyStore keys;
    private final SubscriptionStore subscriptions;
    private final UsageStore usage;
    private final ProductCatalog catalog;
    private final RequestJournal journal;
    private final DriftLog drift;
    private final Upstream upstream;
    private final Clock clock;
    private final ObjectMapper mapper;

    public ConsoleState(Tenants tenants, Workspaces workspaces, KeyStore keys, SubscriptionStore subscriptions, UsageStore usage,
            ProductCatalog catalog, RequestJournal journal, DriftLog drift, Upstream upstream, Clock clock, ObjectMapper mapper) {
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.usage = usage;
        this.catalog = catalog;
        this.journal = journal;
        this.drift = drift;
        this.upstream = upstream;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** Who is calling: a configured tenant (its journal shared with the other configured ones) or a workspace. */
    record Target(String ref, String label, String tenantId, NcpCredentials credentials, String workspaceId, boolean onlyOne) {
    }

    /** The picker: every configured tenant, then every live workspace. */
    Uni<String> tenants() {
        List<Map<String, Object>> configured = new ArrayList<>();
        List<NcpCredentials> pairs = tenants.credentials();
        for (int i = 0; i < pairs.size(); i++) {
            configured.add(Map.of("ref", "tenant:" + i, "label", label(i, pairs.get(i))));
        }
        return workspaces.list().map(all -> json(Map.of("tenants", configured, "workspaces", all.stream()
                .map(summary -> Map.of("ref", "workspace:" + summary.workspace().workspaceId(),
                        "label", summary.workspace().name() + " (" + summary.workspace().workspaceId() + ")",
                        "keyCount", summary.keyCount()))
                .toList())));
    }

    private String label(int index, NcpCredentials pair) {
        return (tenants.usingLocalDefault() ? "default tenant" : "tenant " + (index + 1)) + " (" + pair.accessKey() + ")";
    }

    Uni<Target> target(String ref) {
        if (ref == null || ref.isBlank()) {
            ref = "tenant:0";
        }
        if (ref.startsWith("tenant:")) {
            int index;
            try {
                index = Integer.parseInt(ref.substring("tenant:".length()));
            } catch (NumberFormatException notANumber) {
                index = -1;
            }
            List<NcpCredentials> pairs = tenants.credentials();
            if (index < 0 || index >= pairs.size()) {
                return Uni.createFrom().failure(unknown(ref));
            }
            NcpCredentials pair = pairs.get(index);
            Tenant tenant = tenants.configured().get(index);
            return Uni.createFrom().item(new Target(ref, label(index, pair), tenant.tenantId(), pair, null, pairs.size() == 1));
        }
        if (ref.startsWith("workspace:")) {
            String id = ref.substring("workspace:".length());
            String asked = ref;
            return workspaces.find(id).map(found -> {
                Workspace workspace = found.orElseThrow(() -> unknown(asked));
                return new Target(asked, workspace.name() + " (" + workspace.workspaceId() + ")", workspace.tenantId(),
                        new NcpCredentials(workspace.accessKey(), workspace.secretKey()), workspace.workspaceId(), true);
            });
        }
        return Uni.createFrom().failure(unknown(ref));
    }

    private static NcpException unknown(String ref) {
        return new NcpException(NcpErrorCode.NOT_FOUND, "No tenant or live workspace '" + Masking.printable(ref)
                + "': pick one of GET /mock/console/tenants (tenant:<n> or workspace:<id>).");
    }

    /** The tenant's state as JSON: the same text as long as nothing changed. */
    Uni<String> of(String ref) {
        return target(ref).chain(target -> {
            long now = MinuteCount.minuteOf(clock.instant());
            long from = now - MinuteCount.KEPT_MINUTES + 1;
            return Uni.combine().all().unis(
                    keys.list(target.tenantId(), null, 0, KEYS_SHOWN),
                    subscriptions.all(target.tenantId()),
                    usage.minutes(target.tenantId(), from, now),
                    journal.entries(target.workspaceId(), entry -> target.onlyOne() || entry.accessKey() == null
                            || entry.accessKey().equals(target.credentials().accessKey())))
                    .asTuple().map(read -> {
                        Map<String, Object> state = new LinkedHashMap<>();
                        state.put("tenant", Map.of("ref", target.ref(), "label", target.label()));
                        state.put("proxy", upstream.enabled());
                        state.put("keys", read.getItem1().items().stream().map(ConsoleState::key).toList());
                        state.put("keyTotal", read.getItem1().total());
                        state.put("products", catalog.products(target.tenantId()).stream().map(ConsoleState::product).toList());
                        state.put("subscriptions", read.getItem2().stream().map(subscription -> Map.of("apiKeyId", subscription.apiKeyId(),
                                "productId", subscription.productId(), "status", subscription.status().name(),
                                "usagePlans", subscription.usagePlans())).toList());
                        state.put("usage", Map.of("fromMinute", from, "toMinute", now, "counts", read.getItem3().stream()
                                .map(ConsoleState::count).toList()));
                        List<RequestJournal.Entry> entries = read.getItem4();
                        List<RequestJournal.Entry> newest = new ArrayList<>(entries.subList(Math.max(0, entries.size() - JOURNAL_SHOWN), entries.size()));
                        Collections.reverse(newest);
                        state.put("journal", newest);
                        state.put("journalTotal", entries.size());
                        state.put("drift", upstream.enabled() ? drift.report() : null);
                        return json(state);
                    });
        });
    }

    private static Map<String, Object> key(StoredApiKey key) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("apiKeyId", key.apiKeyId());
        shown.put("apiKeyName", key.apiKeyName());
        shown.put("apiKeyDescription", key.apiKeyDescription());
        shown.put("enabled", key.enabled());
        shown.put("primaryKey", Masking.mask(key.primaryKey()));
        shown.put("secondaryKey", Masking.mask(key.secondaryKey()));
        shown.put("modTime", key.modTime().toString());
        return shown;
    }

    private static Map<String, Object> product(CatalogProduct product) {
        List<Map<String, Object>> stages = new ArrayList<>();
        product.apis().forEach(api -> api.stages().forEach(stage -> stages.add(Map.of("stageId", stage.stageId(),
                "stageName", api.apiName() + " / " + stage.stageName(), "throttleRps", stage.throttleRps(),
                "usagePlans", stage.usagePlans().stream().map(plan -> Map.of("usagePlanId", plan.usagePlanId(),
                        "usagePlanName", plan.usagePlanName(), "rateRps", plan.rateRps(), "dayQuotaRequest", plan.dayQuotaRequest(),
                        "monthQuotaRequest", plan.monthQuotaRequest())).toList()))));
        return Map.of("productId", product.productId(), "productName", product.productName(),
                "subscriptionCode", product.subscriptionCode().name(), "invokeId", String.valueOf(product.invokeId()), "stages", stages);
    }

    private static Map<String, Object> count(MinuteCount count) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("minute", count.minute());
        shown.put("subject", count.subject().name());
        shown.put("id", count.id());
        shown.put("verdict", count.verdict().name());
        NcpErrorCode code = NcpErrorCode.ofRefusal(count.verdict());
        if (code != null) {
            shown.put("status", code.status());
            shown.put("code", code.code());
        }
        shown.put("count", count.count());
        return shown;
    }

    /** NCP's three signature headers for the call, signed now with the tenant's credentials. */
    Uni<String> sign(String ref, String method, String path) {
        return target(ref).map(target -> {
            String timestamp = Long.toString(clock.millis());
            String signature = new NcpSigner(target.credentials()).sign(method.toUpperCase(java.util.Locale.ROOT), path, timestamp);
            return json(Map.of(NcpHeaders.TIMESTAMP, timestamp, NcpHeaders.ACCESS_KEY, target.credentials().accessKey(),
                    NcpHeaders.SIGNATURE, signature));
        });
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
