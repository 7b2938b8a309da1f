package dev.contractkit.ncp.server.subscription;

/** Why a subscription call cannot be done; {@code error/} answers it in NCP's envelope (404 "300" or 403 "230"). */
public class SubscriptionRefusedException extends RuntimeException {
    /** What was not found, or that the subscription is blocked. */
    public enum Reason { API_KEY_NOT_FOUND, PRODUCT_NOT_FOUND, NOT_SUBSCRIBED, STAGE_NOT_FOUND, USAGE_PLAN_NOT_FOUND, BLOCKED }

    private final Reason reason;

    public SubscriptionRefusedException(Reason reason, String details) {
        super(details, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
