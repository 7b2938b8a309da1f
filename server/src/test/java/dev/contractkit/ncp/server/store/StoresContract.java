package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the stores of keys, subscriptions and usage do, whatever backend keeps them: one contract, run against
 * memory and against a real Redis.
 */
abstract class StoresContract {
    static final Instant NOW = Instant.parse("2024-05-08T00:21:31.789Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A backend's stores, with no keys and no workspaces at all, holding at most {@code maxKeys} keys per tenant. */
    abstract Stores emptyStores(int maxKeys);

    private Stores stores() {
        if (stores == null) {
            stores = emptyStores(Integer.MAX_VALUE);
        }
        return stores;
    }

    private KeyStore store() {
        return stores().keys();
    }

    private SubscriptionStore subscriptions() {
        return stores().subscriptions();
    }

    private UsageStore usage() {
        return stores().usage();
    }

    private Stores stores;

    @AfterEach
    void closeTheBackend() {
        if (stores != null) {
            stores.close();
        }
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private StoredApiKey create(String tenant, String name) {
        return await(store().create(tenant, name, "d", "me"));
    }

    @Test
    void createdKeysStartEnabledWithWholeSecondUtcTimeAndTenCharacterIds() {
        StoredApiKey key = await(store().create("t1", "name", "", "me"));
        assertThat(key.enabled()).isTrue();
        assertThat(key.modTime()).isEqualTo(Instant.parse("2024-05-08T00:21:31Z"));
        assertThat(key.domainCode()).isEqualTo("PUB");
        assertThat(key.apiKeyId()).matches("[a-z0-9]{10}");
        assertThat(key.primaryKey()).matches("[A-Za-z0-9]{40}").isNotEqualTo(key.secondaryKey());
        StoredApiKey found = await(store().find("t1", key.apiKeyId())).orElseThrow();
        assertThat(found).isEqualTo(key);
    }

    @Test
    void createsUniqueIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(create("t1", "k" + i).apiKeyId());
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(await(store().list("t1", null, 0, 1000)).total()).isEqualTo(200);
    }

    @Test
    void regenerateReplacesOnlyTheChosenKeyAndAnswersWhatItStored() {
        StoredApiKey key = create("t1", "name");
        StoredApiKey primary = await(store().regenerate("t1", key.apiKeyId(), KeySlot.PRIMARY, "you")).orElseThrow();
        assertThat(primary.primaryKey()).isNotEqualTo(key.primaryKey()).matches("[A-Za-z0-9]{40}");
        assertThat(primary.secondaryKey()).isEqualTo(key.secondaryKey());
        assertThat(primary.modifier()).isEqualTo("you");

        StoredApiKey secondary = await(store().regenerate("t1", key.apiKeyId(), KeySlot.SECONDARY, "you")).orElseThrow();
        assertThat(secondary.primaryKey()).isEqualTo(primary.primaryKey());
        assertThat(secondary.secondaryKey()).isNotEqualTo(key.secondaryKey());
        StoredApiKey stored = await(store().find("t1", key.apiKeyId())).orElseThrow();
        assertThat(stored.primaryKey()).isEqualTo(secondary.primaryKey());
        assertThat(stored.secondaryKey()).isEqualTo(secondary.secondaryKey());
    }

    @Test
    void updateChangesNameDescriptionAndEnabled() {
        StoredApiKey key = create("t1", "name");
        StoredApiKey edited = await(store().update("t1", key.apiKeyId(), "renamed", "새 설명 \"quoted\" / slash", false, "you")).orElseThrow();
        assertThat(edited.apiKeyName()).isEqualTo("renamed");
        assertThat(edited.apiKeyDescription()).isEqualTo("새 설명 \"quoted\" / slash");
        assertThat(edited.enabled()).isFalse();
        assertThat(edited.primaryKey()).isEqualTo(key.primaryKey());
        assertThat(await(store().find("t1", key.apiKeyId())).orElseThrow().apiKeyDescription()).isEqualTo("새 설명 \"quoted\" / slash");
    }

    @Test
    void tenantsAreIsolated() {
        StoredApiKey key = create("t1", "name");
        assertThat(await(store().find("t2", key.apiKeyId()))).isEmpty();
        assertThat(await(store().regenerate("t2", key.apiKeyId(), KeySlot.PRIMARY, "x"))).isEmpty();
        assertThat(await(store().update("t2", key.apiKeyId(), "n", "d", false, "x"))).isEmpty();
        assertThat(await(store().delete("t2", key.apiKeyId()))).isFalse();
        assertThat(await(store().list("t2", null, 0, 10)).items()).isEmpty();
        assertThat(await(store().find("t1", key.apiKeyId()))).isPresent();
    }

    @Test
    void deleteAnswersWhetherTheKeyWasThere() {
        StoredApiKey key = create("t1", "name");
        assertThat(await(store().delete("t1", key.apiKeyId()))).isTrue();
        assertThat(await(store().delete("t1", key.apiKeyId()))).isFalse();
        assertThat(await(store().find("t1", key.apiKeyId()))).isEmpty();
        assertThat(await(store().regenerate("t1", key.apiKeyId(), KeySlot.SECONDARY, "me"))).isEmpty();
        assertThat(await(store().list("t1", null, 0, 10)).items()).isEmpty();
    }

    @Test
    void listKeepsCreationOrderAndCountsBeforeAndAfterTheFilter() {
        for (String name : new String[] {"alpha", "beta", "alphabet", "gamma"}) {
            create("t1", name);
        }
        Page<StoredApiKey> page = await(store().list("t1", "alpha", 1, 5));
        assertThat(page.items()).extracting(StoredApiKey::apiKeyName).containsExactly("alphabet");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.initialCount()).isEqualTo(4);
        assertThat(await(store().list("t1", null, 0, 10)).items()).extracting(StoredApiKey::apiKeyName)
                .containsExactly("alpha", "beta", "alphabet", "gamma");
        assertThat(await(store().list("t1", null, 1, 2)).items()).extracting(StoredApiKey::apiKeyName).containsExactly("beta", "alphabet");
    }

    @Test
    void seedingHappensOnceAndResetRestoresTheFirstSeedForEveryTenant() {
        List<StoredApiKey> seed = List.of(seedKey("t1", "seed000001", "one"), seedKey("t1", "seed000002", "two"));
        assertThat(await(store().seedIfNew("t1", seed))).isEqualTo(2);
        assertThat(await(store().seedIfNew("t1", List.of(seedKey("t1", "other00001", "other"))))).isZero();
        StoredApiKey mine = create("t1", "mine");
        create("stranger", "theirs");
        assertThat(await(store().list("t1", null, 0, 10)).items()).extracting(StoredApiKey::apiKeyId)
                .containsExactly("seed000001", "seed000002", mine.apiKeyId());

        // a reset with other values (another replica's draw) restores the first seeding
        List<StoredApiKey> otherDraw = List.of(seedKey("t1", "seed000001", "one").withPrimaryKey("X".repeat(40), "m", NOW));
        assertThat(await(store().reset(Map.of("t1", otherDraw)))).isEqualTo(2);
        List<StoredApiKey> after = await(store().list("t1", null, 0, 10)).items();
        assertThat(after).extracting(StoredApiKey::apiKeyId).containsExactly("seed000001", "seed000002");
        assertThat(after.get(0).primaryKey()).isEqualTo(seed.get(0).primaryKey());
        assertThat(await(store().list("stranger", null, 0, 10)).items()).isEmpty();
        assertThat(await(store().seedIfNew("t1", seed))).isZero();
    }

    @Test
    void putReplacesAKeyInPlace() {
        StoredApiKey first = create("t1", "first");
        create("t1", "second");
        await(store().put(first.withPrimaryKey("P".repeat(40), "test", NOW)));
        List<StoredApiKey> keys = await(store().list("t1", null, 0, 10)).items();
        assertThat(keys).extracting(StoredApiKey::apiKeyName).containsExactly("first", "second");
        assertThat(keys.get(0).primaryKey()).isEqualTo("P".repeat(40));
    }

    /** PRIMARY and SECONDARY regenerations racing each other: neither type's last value is lost. */
    @Test
    void interleavedRegenerationsLoseNothing() throws Exception {
        StoredApiKey key = create("t1", "race");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<List<StoredApiKey>> primaries = pool.submit(() -> lane(key.apiKeyId(), KeySlot.PRIMARY, start));
            Future<List<StoredApiKey>> secondaries = pool.submit(() -> lane(key.apiKeyId(), KeySlot.SECONDARY, start));
            start.countDown();
            List<StoredApiKey> p = primaries.get();
            List<StoredApiKey> s = secondaries.get();
            StoredApiKey stored = await(store().find("t1", key.apiKeyId())).orElseThrow();
            assertThat(stored.primaryKey()).isEqualTo(p.get(p.size() - 1).primaryKey());
            assertThat(stored.secondaryKey()).isEqualTo(s.get(s.size() - 1).secondaryKey());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<StoredApiKey> lane(String id, KeySlot type, CountDownLatch start) throws InterruptedException {
        start.await();
        ConcurrentLinkedQueue<StoredApiKey> answers = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 50; i++) {
            answers.add(await(store().regenerate("t1", id, type, "lane")).orElseThrow());
        }
        return List.copyOf(answers);
    }

    @Test
    void pingAnswers() {
        assertThat(await(stores().backend().ping())).isTrue();
    }

    static StoredApiKey seedKey(String tenant, String id, String name) {
        return new StoredApiKey(id, tenant, name, "", new KeyValueGenerator().keyValue(), new KeyValueGenerator().keyValue(),
                "seed", true, NOW.truncatedTo(ChronoUnit.SECONDS), StoredApiKey.PUBLIC_DOMAIN);
    }

    // ---- subscriptions ---------------------------------------------------------------------------------------

    private static StoredSubscription subscription(String keyId, String productId, SubscriptionState status,
            String regTime) {
        Instant at = Instant.parse(regTime);
        return new StoredSubscription(keyId, productId, status, at, at, Map.of());
    }

    @Test
    void writesSubscriptionsOnlyOverWhatWasReadAndAnswersThemOldestFirst() {
        StoredApiKey key = create("t1", "k");
        StoredSubscription requested = subscription(key.apiKeyId(), "prodprt002",
                SubscriptionState.REQUEST, "2024-05-08T00:00:02Z");
        StoredSubscription accepted = subscription(key.apiKeyId(), "prodpub001",
                SubscriptionState.ACCEPTED, "2024-05-08T00:00:01Z");
        assertThat(await(subscriptions().write("t1", key.apiKeyId(), "prodprt002", null, requested))).isEqualTo(SubscriptionStore.Write.DONE);
        assertThat(await(subscriptions().write("t1", key.apiKeyId(), "prodpub001", null, accepted))).isEqualTo(SubscriptionStore.Write.DONE);
        assertThat(await(subscriptions().all("t1"))).containsExactly(accepted, requested);

        // a writer that read "none" comes too late: it must read again
        StoredSubscription other = requested.withStatus(SubscriptionState.ACCEPTED, NOW);
        assertThat(await(subscriptions().write("t1", key.apiKeyId(), "prodprt002", null, other))).isEqualTo(SubscriptionStore.Write.CHANGED);
        StoredSubscription planned = requested.withUsagePlan("stgpayprd1", "planpaygld", NOW);
        assertThat(await(subscriptions().write("t1", key.apiKeyId(), "prodprt002", requested, planned))).isEqualTo(SubscriptionStore.Write.DONE);
        assertThat(await(subscriptions().all("t1"))).containsExactly(accepted, planned);
        assertThat(await(subscriptions().all("t1")).get(1).usagePlans()).containsEntry("stgpayprd1", "planpaygld");

        // removal, again only over what was read
        assertThat(await(subscriptions().write("t1", key.apiKeyId(), "prodprt002", requested, null))).isEqualTo(SubscriptionStore.Write.CHANGED);
        assertThat(await(subscriptions().write("t1", key.apiKeyId(), "prodprt002", planned, null))).isEqualTo(SubscriptionStore.Write.DONE);
        assertThat(await(subscriptions().all("t1"))).containsExactly(accepted);
        assertThat(await(subscriptions().all("t2"))).isEmpty();
    }

    @Test
    void findsOneSubscriptionOfAKeyToAProduct() {
        StoredApiKey key = create("t1", "k");
        StoredSubscription accepted = subscription(key.apiKeyId(), "prodpub001",
                SubscriptionState.ACCEPTED, "2024-05-08T00:00:01Z");
        assertThat(await(subscriptions().find("t1", key.apiKeyId(), "prodpub001"))).isEmpty();
        assertThat(await(subscriptions().write("t1", key.apiKeyId(), "prodpub001", null, accepted))).isEqualTo(SubscriptionStore.Write.DONE);
        assertThat(await(subscriptions().find("t1", key.apiKeyId(), "prodpub001"))).contains(accepted);
        assertThat(await(subscriptions().find("t1", key.apiKeyId(), "prodprt002"))).isEmpty();
        assertThat(await(subscriptions().find("t2", key.apiKeyId(), "prodpub001"))).as("another tenant's").isEmpty();
    }

    @Test
    void subscriptionsNeedAnExistingKeyOfTheTenantAndDieWithIt() {
        StoredApiKey key = create("t1", "k");
        StoredApiKey kept = create("t1", "kept");
        StoredSubscription sub = subscription(key.apiKeyId(), "prodpub001",
                SubscriptionState.ACCEPTED, "2024-05-08T00:00:01Z");
        StoredSubscription keptSub = subscription(kept.apiKeyId(), "prodpub001",
                SubscriptionState.ACCEPTED, "2024-05-08T00:00:02Z");
        assertThat(await(subscriptions().write("t2", key.apiKeyId(), "prodpub001", null, sub))).isEqualTo(SubscriptionStore.Write.KEY_MISSING);
        assertThat(await(subscriptions().write("t1", "nokey00000", "prodpub001", null, sub))).isEqualTo(SubscriptionStore.Write.KEY_MISSING);
        await(subscriptions().write("t1", key.apiKeyId(), "prodpub001", null, sub));
        await(subscriptions().write("t1", kept.apiKeyId(), "prodpub001", null, keptSub));

        assertThat(await(store().delete("t1", key.apiKeyId()))).isTrue();
        assertThat(await(subscriptions().all("t1"))).containsExactly(keptSub);
        assertThat(await(subscriptions().write("t1", key.apiKeyId(), "prodpub001", null, sub))).isEqualTo(SubscriptionStore.Write.KEY_MISSING);

        await(store().reset(Map.of("t1", List.of())));
        assertThat(await(subscriptions().all("t1"))).isEmpty();
    }

    @Test
    void concurrentSubscriptionWritersNeverBothWin() throws Exception {
        StoredApiKey key = create("t1", "k");
        StoredSubscription first = subscription(key.apiKeyId(), "prodprt002",
                SubscriptionState.REQUEST, "2024-05-08T00:00:01Z");
        await(subscriptions().write("t1", key.apiKeyId(), "prodprt002", null, first));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SubscriptionStore.Write>> answers = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 16; i++) {
                StoredSubscription next = first.withUsagePlan("stage" + i, "plan", NOW);
                answers.add(pool.submit(() -> {
                    start.await();
                    return await(subscriptions().write("t1", key.apiKeyId(), "prodprt002", first, next));
                }));
            }
            start.countDown();
            int done = 0;
            for (Future<SubscriptionStore.Write> answer : answers) {
                done += answer.get() == SubscriptionStore.Write.DONE ? 1 : 0;
            }
            assertThat(done).isEqualTo(1);
            assertThat(await(subscriptions().all("t1")).get(0).usagePlans()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    static GatewayCall call(String value, boolean subscriptionRequired, long throttle, Instant at) {
        return new GatewayCall(value, "prodprt002", subscriptionRequired, "stgpaysbx1", throttle,
                List.of(new GatewayCall.PlanLimits("planpaysbx", 2, 3, 4), new GatewayCall.PlanLimits("planpaygld", 0, 0, 0)), at);
    }

    /** What a key's name or description says never passes for its flags or its values at the gateway. */
    @Test
    void aNameOrDescriptionNeverPassesForTheKeysFlagsAtTheGateway() {
        StoredApiKey key = await(store().create("t1", "n\"enabled\":false", "d", "me"));
        StoredApiKey other = await(store().create("t1", "other", "\"primaryKey\":\"" + key.secondaryKey() + "\"", "me"));
        Instant t = Instant.parse("2026-01-31T23:59:58Z");
        Admission admitted = await(usage().admit("t1", call(key.primaryKey(), false, 0, t)));
        assertThat(admitted.verdict()).isEqualTo(Admission.Verdict.ADMITTED);
        assertThat(admitted.keyUsed()).isEqualTo(KeySlot.PRIMARY);
        Admission bySecondary = await(usage().admit("t1", call(key.secondaryKey(), false, 0, t.plusSeconds(1))));
        assertThat(bySecondary.apiKeyId()).as("the key holding the value, not the one whose description names it").isEqualTo(key.apiKeyId());
        assertThat(bySecondary.keyUsed()).isEqualTo(KeySlot.SECONDARY);
        await(store().update("t1", other.apiKeyId(), "other", "d", false, "me"));
        assertThat(await(usage().admit("t1", call(other.primaryKey(), false, 0, t))).verdict()).isEqualTo(Admission.Verdict.DISABLED_KEY);
    }

    @Test
    void theGatewayChecksKeySubscriptionRateAndQuotasInOneStepAndCountsUsage() {
        StoredApiKey key = create("t1", "gateway");
        Instant t = Instant.parse("2026-01-31T23:59:58Z");
        assertThat(await(usage().admit("t1", call("nobody-holds-this", false, 0, t))).verdict()).isEqualTo(Admission.Verdict.UNKNOWN_KEY);
        assertThat(await(usage().admit("t2", call(key.primaryKey(), false, 0, t))).verdict()).as("another tenant's key")
                .isEqualTo(Admission.Verdict.UNKNOWN_KEY);
        assertThat(await(usage().admit("t1", call(key.primaryKey(), true, 0, t))).verdict()).isEqualTo(Admission.Verdict.NOT_SUBSCRIBED);

        Admission first = await(usage().admit("t1", call(key.secondaryKey(), false, 0, t)));
        assertThat(first.verdict()).isEqualTo(Admission.Verdict.ADMITTED);
        assertThat(first.apiKeyId()).isEqualTo(key.apiKeyId());
        assertThat(first.keyUsed()).isEqualTo(KeySlot.SECONDARY);
        assertThat(first.usagePlanId()).isEqualTo("planpaysbx");
        assertThat(await(usage().admit("t1", call(key.primaryKey(), false, 0, t))).verdict()).isEqualTo(Admission.Verdict.ADMITTED);
        assertThat(await(usage().admit("t1", call(key.primaryKey(), false, 0, t))).verdict()).isEqualTo(Admission.Verdict.RATE_LIMITED);
        assertThat(await(usage().admit("t1", call(key.primaryKey(), false, 0, t.plusSeconds(1)))).verdict()).isEqualTo(Admission.Verdict.ADMITTED);
        assertThat(await(usage().admit("t1", call(key.primaryKey(), false, 0, t.plusSeconds(1)))).verdict())
                .as("the day quota of 3").isEqualTo(Admission.Verdict.QUOTA_EXCEEDED);
        assertThat(await(usage().usage("t1", key.apiKeyId(), "prodprt002", List.of("stgpaysbx1", "stgother01"), t.plusSeconds(1))))
                .containsEntry("stgpaysbx1", new Usage(3, 3, 5, 5)).containsEntry("stgother01", Usage.NONE);

        Instant nextDay = Instant.parse("2026-02-01T00:00:00Z"); // also a new month
        assertThat(await(usage().usage("t1", key.apiKeyId(), "prodprt002", List.of("stgpaysbx1"), nextDay)))
                .containsEntry("stgpaysbx1", Usage.NONE);
        assertThat(await(usage().admit("t1", call(key.primaryKey(), false, 1, nextDay))).verdict()).isEqualTo(Admission.Verdict.ADMITTED);
        assertThat(await(usage().admit("t1", call(key.primaryKey(), false, 1, nextDay))).verdict())
                .as("the stage throttle of 1").isEqualTo(Admission.Verdict.THROTTLED);

        await(store().update("t1", key.apiKeyId(), "gateway", "d", false, "me"));
        assertThat(await(usage().admit("t1", call(key.primaryKey(), false, 0, nextDay))).verdict()).isEqualTo(Admission.Verdict.DISABLED_KEY);
        await(store().delete("t1", key.apiKeyId()));
        assertThat(await(usage().admit("t1", call(key.primaryKey(), false, 0, nextDay))).verdict()).isEqualTo(Admission.Verdict.UNKNOWN_KEY);
        assertThat(await(usage().usage("t1", key.apiKeyId(), "prodprt002", List.of("stgpaysbx1"), nextDay)))
                .as("a deleted key's counters go with it").containsEntry("stgpaysbx1", Usage.NONE);
    }

    @Test
    void theGatewaysCallsAreCountedPerMinutePerKeyAndPlanByVerdictForTheLastHour() {
        StoredApiKey key = create("t1", "charted");
        StoredApiKey other = create("t2", "elsewhere");
        Instant t = Instant.parse("2026-03-01T10:00:30Z");
        long minute = MinuteCount.minuteOf(t);
        await(usage().admit("t1", call(key.primaryKey(), false, 0, t)));
        await(usage().admit("t1", call(key.secondaryKey(), false, 0, t)));
        await(usage().admit("t1", call(key.primaryKey(), false, 0, t))); // the plan's rate of 2
        await(usage().admit("t1", call(key.primaryKey(), true, 0, t))); // no subscription: no plan applies
        await(usage().admit("t1", call("nobody-holds-this", false, 0, t)));
        await(usage().admit("t2", call(other.primaryKey(), false, 0, t)));
        await(usage().admit("t1", call(key.primaryKey(), false, 0, t.plusSeconds(60))));

        assertThat(await(usage().minutes("t1", minute, minute + 1))).containsExactlyInAnyOrder(
                new MinuteCount(minute, MinuteCount.Subject.KEY, key.apiKeyId(), Admission.Verdict.ADMITTED, 2),
                new MinuteCount(minute, MinuteCount.Subject.KEY, key.apiKeyId(), Admission.Verdict.RATE_LIMITED, 1),
                new MinuteCount(minute, MinuteCount.Subject.KEY, key.apiKeyId(), Admission.Verdict.NOT_SUBSCRIBED, 1),
                new MinuteCount(minute, MinuteCount.Subject.PLAN, "planpaysbx", Admission.Verdict.ADMITTED, 2),
                new MinuteCount(minute, MinuteCount.Subject.PLAN, "planpaysbx", Admission.Verdict.RATE_LIMITED, 1),
                new MinuteCount(minute + 1, MinuteCount.Subject.KEY, key.apiKeyId(), Admission.Verdict.ADMITTED, 1),
                new MinuteCount(minute + 1, MinuteCount.Subject.PLAN, "planpaysbx", Admission.Verdict.ADMITTED, 1));
        assertThat(await(usage().minutes("t1", minute + 1, minute + 1))).as("only the minutes asked for").hasSize(2);
        assertThat(await(usage().minutes("t2", minute, minute + 1))).as("another tenant's calls are its own")
                .extracting(MinuteCount::id).containsOnly(other.apiKeyId(), "planpaysbx");
        assertThat(await(usage().minutes("t3", minute, minute + 1))).isEmpty();
    }

    @Test
    void theUsagePlanChosenForTheStageAppliesAndAResetClearsTheCounters() {
        StoredApiKey key = create("t1", "gold");
        Instant t = Instant.parse("2026-01-10T10:00:00Z");
        StoredSubscription gold = new StoredSubscription(key.apiKeyId(), "prodprt002",
                SubscriptionState.ACCEPTED, t, t, Map.of("stgpaysbx1", "planpaygld"));
        await(subscriptions().write("t1", key.apiKeyId(), "prodprt002", null, gold));
        for (int i = 0; i < 10; i++) {
            Admission admission = await(usage().admit("t1", call(key.primaryKey(), true, 0, t)));
            assertThat(admission.verdict()).isEqualTo(Admission.Verdict.ADMITTED);
            assertThat(admission.usagePlanId()).isEqualTo("planpaygld");
        }
        await(store().reset(Map.of("t1", List.of())));
        assertThat(await(usage().usage("t1", key.apiKeyId(), "prodprt002", List.of("stgpaysbx1"), t))).containsEntry("stgpaysbx1", Usage.NONE);
    }

    private WorkspaceStore workspaces() {
        return stores().workspaces();
    }

    private static Workspace workspace(String id, Instant expiresAt) {
        return new Workspace(id, "w-" + id, "WS" + id.toUpperCase() + "00000000", "secret-" + id, false, 60, expiresAt, null,
                expiresAt.minusSeconds(60));
    }

    @Test
    void workspacesAreFoundByIdAndAccessKeyUntilTheyExpireAndALimitHoldsTheLiveOnes() {
        Instant t = Instant.parse("2026-01-10T10:00:00Z");
        assertThat(await(workspaces().create(workspace("wsaaaaaaa1", t.plusSeconds(60)), 2, t)).added()).isTrue();
        assertThat(await(workspaces().create(workspace("wsaaaaaaa2", t.plusSeconds(10)), 2, t)).added()).isTrue();
        WorkspaceStore.Created refused = await(workspaces().create(workspace("wsaaaaaaa3", t.plusSeconds(60)), 2, t));
        assertThat(refused.added()).as("the limit of 2").isFalse();
        assertThat(refused.expired()).isEmpty();
        assertThat(await(workspaces().find("wsaaaaaaa3", t))).isEmpty();

        assertThat(await(workspaces().find("wsaaaaaaa1", t))).get().extracting(Workspace::name).isEqualTo("w-wsaaaaaaa1");
        assertThat(await(workspaces().byAccessKey("WSWSAAAAAAA100000000", t))).get().extracting(Workspace::workspaceId).isEqualTo("wsaaaaaaa1");
        assertThat(await(workspaces().find("wsaaaaaaa2", t.plusSeconds(10)))).as("expired").isEmpty();

        WorkspaceStore.Created afterExpiry = await(workspaces().create(workspace("wsaaaaaaa3", t.plusSeconds(80)), 2, t.plusSeconds(11)));
        assertThat(afterExpiry.added()).isTrue();
        assertThat(afterExpiry.expired()).extracting(Workspace::workspaceId).containsExactly("wsaaaaaaa2");
        assertThat(await(workspaces().byAccessKey("WSWSAAAAAAA200000000", t))).as("the expired one's access key is gone too").isEmpty();

        await(workspaces().renew(await(workspaces().find("wsaaaaaaa1", t)).orElseThrow().renewed(t.plusSeconds(50))));
        assertThat(await(workspaces().find("wsaaaaaaa1", t.plusSeconds(100)))).as("renewed to t+110").isPresent();
        assertThat(await(workspaces().delete("wsaaaaaaa1"))).isPresent();
        await(workspaces().renew(workspace("wsaaaaaaa1", t.plusSeconds(500))));
        assertThat(await(workspaces().find("wsaaaaaaa1", t))).as("a renewal never brings a deleted workspace back").isEmpty();
        assertThat(await(workspaces().delete("wsaaaaaaa1"))).isEmpty();
    }

    @Test
    void aTenantHoldsAtMostItsLimitOfKeysAndOtherTenantsAreNotHeldBackByIt() {
        stores = emptyStores(2);
        KeyStore limited = store();
        StoredApiKey first = await(limited.create("t1", "one", "", "me"));
        await(limited.create("t1", "two", "", "me"));
        assertThatThrownBy(() -> await(limited.create("t1", "three", "", "me"))).isInstanceOf(TenantFullException.class)
                .hasMessageContaining("ncp.mock.tenant-max-keys");
        assertThat(await(limited.keyCount("t1"))).isEqualTo(2);
        assertThat(await(limited.list("t1", null, 0, 10)).items()).extracting(StoredApiKey::apiKeyName).containsExactly("one", "two");
        await(limited.create("t2", "other", "", "me"));
        assertThat(await(limited.delete("t1", first.apiKeyId()))).isTrue();
        await(limited.create("t1", "three", "", "me"));
        assertThat(await(limited.keyCount("t1"))).isEqualTo(2);
        assertThat(await(limited.keyCount("nobody"))).isZero();
    }

    @Test
    void theGatewayFindsAKeyByItsCurrentValuesAloneThroughRegenerationPutAndReset() {
        Instant t = Instant.parse("2026-01-31T10:00:00Z");
        StoredApiKey key = create("t1", "indexed");
        StoredApiKey regenerated = await(store().regenerate("t1", key.apiKeyId(), KeySlot.PRIMARY, "me")).orElseThrow();
        assertThat(admit(key.primaryKey(), t).verdict()).as("the old primary").isEqualTo(Admission.Verdict.UNKNOWN_KEY);
        assertThat(admit(regenerated.primaryKey(), t).verdict()).isEqualTo(Admission.Verdict.ADMITTED);
        assertThat(admit(key.secondaryKey(), t.plusSeconds(1)).keyUsed()).isEqualTo(KeySlot.SECONDARY);

        StoredApiKey replaced = new StoredApiKey(key.apiKeyId(), "t1", "put", "", "PUTPRIMARY0001", "PUTSECONDARY0001", "me", true, NOW,
                StoredApiKey.PUBLIC_DOMAIN);
        await(store().put(replaced));
        assertThat(admit(regenerated.primaryKey(), t.plusSeconds(2)).verdict()).as("replaced by put").isEqualTo(Admission.Verdict.UNKNOWN_KEY);
        assertThat(admit("PUTSECONDARY0001", t.plusSeconds(2)).verdict()).isEqualTo(Admission.Verdict.ADMITTED);

        StoredApiKey seeded = new StoredApiKey("seedkey001", "t1", "seed", "", "SEEDPRIMARY0001", "SEEDSECONDARY0001", "me", true, NOW,
                StoredApiKey.PUBLIC_DOMAIN);
        await(store().resetTenant("t1", List.of(seeded)));
        assertThat(admit("PUTSECONDARY0001", t.plusSeconds(3)).verdict()).as("gone with the reset").isEqualTo(Admission.Verdict.UNKNOWN_KEY);
        assertThat(admit("SEEDPRIMARY0001", t.plusSeconds(3)).verdict()).isEqualTo(Admission.Verdict.ADMITTED);
        await(store().forget("t1"));
        assertThat(admit("SEEDPRIMARY0001", t.plusSeconds(4)).verdict()).isEqualTo(Admission.Verdict.UNKNOWN_KEY);
    }

    private Admission admit(String value, Instant at) {
        return await(usage().admit("t1", call(value, false, 0, at)));
    }

    @Test
    void theLiveWorkspacesAreListedOldestFirstWithoutTheExpiredOnes() {
        Instant t = Instant.parse("2026-01-10T10:00:00Z");
        await(workspaces().create(workspace("wslist0002", t.plusSeconds(60)), 10, t));
        await(workspaces().create(workspace("wslist0001", t.plusSeconds(30)), 10, t));
        await(workspaces().create(workspace("wslist0003", t.plusSeconds(5)), 10, t));
        assertThat(await(workspaces().list(t.plusSeconds(10)))).extracting(Workspace::workspaceId).containsExactly("wslist0001", "wslist0002");
        Workspace first = await(workspaces().list(t.plusSeconds(10))).get(0);
        assertThat(first.createdAt()).isEqualTo(t.minusSeconds(30));
        assertThat(first.lastUsedAt()).isEqualTo(t.minusSeconds(30));
    }

    @Test
    void aWorkspaceTenantResetsAndIsForgottenAloneAndTheGlobalResetLeavesIt() {
        String ws = workspace("wsbbbbbbb1", NOW).tenantId();
        assertThat(ws).matches("[0-9a-f]{32}");
        assertThat(Workspace.isWorkspaceTenant(ws)).isTrue();
        assertThat(Workspace.isWorkspaceTenant("05984ec0570b3f36b6d19d05f7983d41")).as("a tenant derived from an access key").isFalse();
        StoredApiKey seedKey = new StoredApiKey("wsseedkey1", ws, "seed", "", "P", "S", "me", true, NOW, StoredApiKey.PUBLIC_DOMAIN);
        assertThat(await(store().resetTenant(ws, List.of(seedKey)))).isEqualTo(1);
        StoredApiKey extra = create(ws, "extra");
        create("t1", "configured");
        await(store().reset(Map.of("t1", List.of())));
        assertThat(await(store().find(ws, extra.apiKeyId()))).as("the global reset leaves workspaces").isPresent();
        assertThat(await(store().resetTenant(ws, List.of()))).as("back to its first seeding").isEqualTo(1);
        assertThat(await(store().find(ws, extra.apiKeyId()))).isEmpty();
        assertThat(await(store().find(ws, "wsseedkey1"))).isPresent();
        await(store().forget(ws));
        assertThat(await(store().list(ws, null, 0, 100)).items()).isEmpty();
    }
}
