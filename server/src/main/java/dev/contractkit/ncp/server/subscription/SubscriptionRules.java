package dev.contractkit.ncp.server.subscription;

import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import dev.contractkit.ncp.server.generated.model.SubscriptionDecision;
import dev.contractkit.ncp.server.store.StoredSubscription;
import dev.contractkit.ncp.server.store.SubscriptionState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The subscription state machine, framework-free (the spec's "Products and subscriptions" section says
 * why each choice): what subscribing and deciding do to a subscription. An empty answer means "no change".
 */
public final class SubscriptionRules {

    private SubscriptionRules() {
    }

    /**
     * Subscribing: a first request is {@code ACCEPTED} on a {@code PUBLIC} product and {@code REQUEST} on a
     * {@code PROTECTED} one; a pending or accepted subscription stays as it is; a rejected or denied one
     * becomes a new request; a blocked one is refused.
     */
    public static Optional<StoredSubscription> subscribe(Optional<StoredSubscription> current, String apiKeyId, String productId,
            SubscriptionCode code, Instant now) {
        SubscriptionState first = code == SubscriptionCode.PUBLIC ? SubscriptionState.ACCEPTED : SubscriptionState.REQUEST;
        if (current.isEmpty()) {
            return Optional.of(new StoredSubscription(apiKeyId, productId, first, now, now, Map.of()));
        }
        return switch (current.get().status()) {
            case REQUEST, ACCEPTED -> Optional.empty();
            case REJECTED, DENY -> Optional.of(current.get().requestedAgain(first, now));
            case BLOCKED_REQUEST -> throw new SubscriptionRefusedException(SubscriptionRefusedException.Reason.BLOCKED,
                    "Subscription requests of API key '" + apiKeyId + "' to product '" + productId + "' are blocked.");
        };
    }

    /** The product side's decision: the subscription takes that status (no change when it has it already). */
    public static Optional<StoredSubscription> decide(StoredSubscription current, SubscriptionDecision decision, Instant now) {
        SubscriptionState next = SubscriptionState.valueOf(decision.name());
        return current.status() == next ? Optional.empty() : Optional.of(current.withStatus(next, now));
    }
}
