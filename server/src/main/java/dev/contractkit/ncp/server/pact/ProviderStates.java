package dev.contractkit.ncp.server.pact;

import dev.contractkit.ncp.server.error.NcpException;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.auth.ReplayedRequests;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import dev.contractkit.ncp.server.seed.SeedData;
import dev.contractkit.ncp.server.store.KeyStore;
import dev.contractkit.ncp.server.store.KeyFactory;
import dev.contractkit.ncp.server.store.NcpTime;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.SubscriptionState;
import dev.contractkit.ncp.server.subscription.CatalogProduct;
import dev.contractkit.ncp.server.subscription.ProductCatalog;
import dev.contractkit.ncp.server.subscription.Subscriptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The provider states that consumers name in their pacts, set up through the server's own store, so a
 * state means exactly what a real request then sees. Used by {@code POST /mock/provider-states} (any Pact
 * verifier) and by the Maven provider verification alike.
 */
@ApplicationScoped
public class ProviderStates implements ReplayedRequests {
    /** Params: {@code apiKeyId} (required), {@code apiKeyName}, {@code apiKeyDescription}, {@code isEnabled}, {@code primaryKey}, {@code secondaryKey}. */
    public static final String KEY_EXISTS = "an API key exists";
    /** Params: {@code apiKeyId} (required). */
    public static final String NO_KEY = "no API key exists";
    /** No params: the interaction's request must be refused with 401 "200", whatever it carries. */
    public static final String BAD_SIGNATURE = "the request signature is wrong";
    /**
     * Params: {@code productId} (required), {@code subscriptionCode} ({@code PUBLIC} or {@code PROTECTED}, default
     * {@code PUBLIC}), {@code productName}, {@code apiId}, {@code stageId}, {@code usagePlanId} (the product's one API,
     * stage and usage plan; defaults {@code pactapi001}, {@code pactstage1}, {@code pactplan01}), and where the gateway
     * answers it: {@code invokeId}, {@code apiName}, {@code stageName} (defaults {@code pactinvoke}, {@code pact-api},
     * {@code prod}: {@code /gateway/pactinvoke/pact-api/prod/...}).
     */
    public static final String PRODUCT_EXISTS = "a product exists";
    /**
     * Params: {@code apiKeyId} and {@code productId} (required), {@code status} (any subscription status, default
     * {@code ACCEPTED}). The key is made (as by {@link #KEY_EXISTS}) and the product too (as by {@link #PRODUCT_EXISTS})
     * when they are not there.
     */
    public static final String KEY_SUBSCRIBED = "an API key is subscribed to a product";
    public static final List<String> KNOWN = List.of(KEY_EXISTS, NO_KEY, BAD_SIGNATURE, PRODUCT_EXISTS, KEY_SUBSCRIBED);

    private final KeyStore store;
    private final SeedData seed;
    private final Clock clock;
    private final KeyFactory keys;
    /** Per tenant (the configured one, or a workspace's): where its verifier is in its interactions. */
    private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();

    /** One verifier's progress: whether an API request came since the last set-up, and a refusal it asked for. */
    private static final class Interaction {
        /** True once an API request came after the last set-up: the next set-up belongs to a new interaction. */
        final AtomicBoolean ran = new AtomicBoolean(true);
        final AtomicBoolean nextRequestRefused = new AtomicBoolean();
    }

    private Interaction interaction(String tenantId) {
        return interactions.computeIfAbsent(tenantId, id -> new Interaction());
    }

    private final ProductCatalog catalog;
    private final Subscriptions subscriptions;

    public ProviderStates(KeyStore store, SeedData seed, Clock clock, KeyFactory keys, ProductCatalog catalog,
            Subscriptions subscriptions) {
        this.store = store;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.seed = seed;
        this.clock = clock;
    }

    /** One state as a verifier names it, with its params. */
    public record State(String name, Map<String, Object> params) {
        public State {
            params = params == null ? Map.of() : params;
        }
    }

    /** A state that is not known, or lacks a required param: the verifier is told which states exist. */
    public static final class StateRefusedException extends NcpException {
        StateRefusedException(String message) {
            super(NcpErrorCode.BAD_REQUEST, message);
        }
    }

    /**
     * Sets the states up for {@code tenant}: checks every state first, then, for the first set-up of an
     * interaction, resets the store to the seed, then applies them in order. Verifiers that send one call
     * per state (Pact's Rust verifier) get every state of an interaction: the store is reset only when an
     * API request came since the last set-up, or when {@code alwaysReset}.
     */
    public Uni<Void> setUp(List<State> states, Tenant tenant, boolean alwaysReset) {
        return setUp(states, tenant, alwaysReset, () -> seed.reset().replaceWithVoid());
    }

    /** As {@link #setUp(List, Tenant, boolean)}, with the reset of that tenant's data given (a workspace resets alone). */
    public Uni<Void> setUp(List<State> states, Tenant tenant, boolean alwaysReset, Supplier<Uni<Void>> resetToSeed) {
        for (State state : states) {
            check(state);
        }
        Interaction interaction = interaction(tenant.tenantId());
        boolean reset = interaction.ran.getAndSet(false) || alwaysReset;
        interaction.nextRequestRefused.set(false);
        Uni<Void> chain = reset ? resetToSeed.get() : Uni.createFrom().voidItem();
        for (State state : states) {
            chain = chain.chain(() -> apply(state, tenant));
        }
        return chain;
    }

    /** After an interaction (the verifier's teardown): the next set-up of the tenant starts from the seed again. */
    public void tearDown(Tenant tenant) {
        Interaction interaction = interaction(tenant.tenantId());
        interaction.ran.set(true);
        interaction.nextRequestRefused.set(false);
    }

    /** Told of every API request while contract testing: it ends the set-up of the tenant's interaction. */
    @Override
    public void apiRequestArrived(String tenantId) {
        interaction(tenantId).ran.set(true);
    }

    /** A deleted workspace's progress forgotten. */
    public void forget(String tenantId) {
        interactions.remove(tenantId);
    }

    /** Whether this request must be refused because of {@link #BAD_SIGNATURE}; true once per set-up. */
    @Override
    public boolean refuseThisRequest(String tenantId) {
        return interaction(tenantId).nextRequestRefused.compareAndSet(true, false);
    }

    /** Whether the states include {@link #BAD_SIGNATURE}. */
    public static boolean wantsWrongSignature(List<State> states) {
        return states.stream().anyMatch(state -> state.name().equals(BAD_SIGNATURE));
    }

    private Uni<Void> apply(State state, Tenant tenant) {
        return switch (state.name()) {
            case KEY_EXISTS -> store.put(keyFrom(state.params(), tenant));
            case NO_KEY -> store.delete(tenant.tenantId(), text(state.params(), "apiKeyId", null)).replaceWithVoid();
            case BAD_SIGNATURE -> {
                interaction(tenant.tenantId()).nextRequestRefused.set(true);
                yield Uni.createFrom().voidItem();
            }
            case PRODUCT_EXISTS -> {
                catalog.put(tenant.tenantId(), productFrom(state.params()));
                yield Uni.createFrom().voidItem();
            }
            case KEY_SUBSCRIBED -> {
                String apiKeyId = text(state.params(), "apiKeyId", null);
                String productId = text(state.params(), "productId", null);
                if (catalog.find(tenant.tenantId(), productId).isEmpty()) {
                    catalog.put(tenant.tenantId(), productFrom(state.params()));
                }
                yield store.find(tenant.tenantId(), apiKeyId)
                        .chain(found -> found.isPresent() ? Uni.createFrom().voidItem() : store.put(keyFrom(state.params(), tenant)))
                        .chain(() -> subscriptions.force(tenant.tenantId(), apiKeyId, productId,
                                SubscriptionState.valueOf(text(state.params(), "status", "ACCEPTED"))));
            }
            default -> throw new IllegalStateException("checked before: " + state.name());
        };
    }

    private static void check(State state) {
        if (state.name() == null || !KNOWN.contains(state.name())) {
            throw new StateRefusedException("Unknown provider state '" + state.name() + "'. Known states: '"
                    + String.join("', '", KNOWN) + "'.");
        }
        List<String> needed = switch (state.name()) {
            case BAD_SIGNATURE -> List.of();
            case PRODUCT_EXISTS -> List.of("productId");
            case KEY_SUBSCRIBED -> List.of("apiKeyId", "productId");
            default -> List.of("apiKeyId");
        };
        for (String param : needed) {
            if (text(state.params(), param, "").isBlank()) {
                throw new StateRefusedException("Provider state '" + state.name() + "' needs the param " + param + ".");
            }
        }
        String code = text(state.params(), "subscriptionCode", "PUBLIC");
        String status = text(state.params(), "status", "ACCEPTED");
        if (!code.equals("PUBLIC") && !code.equals("PROTECTED")) {
            throw new StateRefusedException("Provider state '" + state.name() + "': subscriptionCode must be PUBLIC or PROTECTED.");
        }
        if (Arrays.stream(SubscriptionState.values()).noneMatch(known -> known.toString().equals(status))) {
            throw new StateRefusedException("Provider state '" + state.name() + "': status must be one of "
                    + Arrays.toString(SubscriptionState.values()) + ".");
        }
    }

    private StoredApiKey keyFrom(Map<String, Object> params, Tenant tenant) {
        return keys.of(tenant.tenantId(), text(params, "apiKeyId", null), text(params, "apiKeyName", "pact-key"),
                text(params, "apiKeyDescription", ""), text(params, "primaryKey", null), text(params, "secondaryKey", null), tenant.modifier(),
                !"false".equals(String.valueOf(params.getOrDefault("isEnabled", "true"))));
    }

    private CatalogProduct productFrom(Map<String, Object> params) {
        String productId = text(params, "productId", null);
        CatalogProduct.Stage stage = new CatalogProduct.Stage(text(params, "stageId", "pactstage1"), text(params, "stageName", "prod"), true,
                List.of(new CatalogProduct.UsagePlan(text(params, "usagePlanId", "pactplan01"), "Pact plan")));
        return new CatalogProduct(productId, text(params, "productName", "Pact product " + productId), "Set up by a provider state",
                SubscriptionCode.fromValue(text(params, "subscriptionCode", "PUBLIC")), true, text(params, "invokeId", "pactinvoke"),
                NcpTime.now(clock),
                List.of(new CatalogProduct.Api(text(params, "apiId", "pactapi001"), text(params, "apiName", "pact-api"), List.of(stage))));
    }

    private static String text(Map<String, Object> params, String name, String fallback) {
        Object value = params.get(name);
        return value == null ? fallback : value.toString();
    }

    /** The states of a state-change body: {@code state}, or a {@code states} array, sharing {@code params}. */
    public static List<State> fromBody(Map<String, Object> body) {
        Object params = body.get("params");
        @SuppressWarnings("unchecked")
        Map<String, Object> shared = params instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        List<State> states = new ArrayList<>();
        if (body.get("states") instanceof List<?> names) {
            names.forEach(name -> states.add(new State(String.valueOf(name), shared)));
        } else if (body.get("state") != null) {
            states.add(new State(String.valueOf(body.get("state")), shared));
        }
        return states;
    }
}
