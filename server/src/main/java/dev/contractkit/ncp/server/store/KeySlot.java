package dev.contractkit.ncp.server.store;

/** Which of an API key's two values: NCP's {@code keyType}, as the store knows it (the API's own type stays at the edge). */
public enum KeySlot {
    PRIMARY,
    SECONDARY
}
