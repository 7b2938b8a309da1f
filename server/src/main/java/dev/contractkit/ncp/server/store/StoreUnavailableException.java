package dev.contractkit.ncp.server.store;

/** The store cannot be reached or did not answer in time. An answer (503), not a bug: no stack trace. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
