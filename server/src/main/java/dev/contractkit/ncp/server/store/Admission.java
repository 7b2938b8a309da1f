package dev.contractkit.ncp.server.store;


/**
 * What the store decided about a {@link GatewayCall}: the verdict, and (once the key was found) the key's id and
 * which of its two values was sent, and the usage plan that applied.
 */
public record Admission(Verdict verdict, String apiKeyId, KeySlot keyUsed, String usagePlanId) {

    /** In the order the gateway checks: the first that applies is the verdict. */
    public enum Verdict {
        /** No key of the tenant holds the value (never did, regenerated away, or deleted). */
        UNKNOWN_KEY,
        DISABLED_KEY,
        /** The product is PROTECTED and the key's subscription is not ACCEPTED, or the key's requests are blocked. */
        NOT_SUBSCRIBED,
        /** The stage's throttle (all keys) is used up for this second. */
        THROTTLED,
        /** The key's usage-plan rate is used up for this second. */
        RATE_LIMITED,
        /** The key's day or month quota on the stage is used up. */
        QUOTA_EXCEEDED,
        ADMITTED
    }

    public static Admission unknown() {
        return new Admission(Verdict.UNKNOWN_KEY, null, null, null);
    }

    public boolean admitted() {
        return verdict == Verdict.ADMITTED;
    }
}
