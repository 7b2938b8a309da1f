package dev.contractkit.ncp.server.store;

/**
 * Where a key's subscription to a product stands: NCP's subscription status, as the store and the rules know it
 * (the API's own type stays at the edge, which maps one to the other by name).
 */
public enum SubscriptionState {
    REQUEST,
    DENY,
    ACCEPTED,
    REJECTED,
    BLOCKED_REQUEST
}
