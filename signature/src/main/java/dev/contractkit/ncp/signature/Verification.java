package dev.contractkit.ncp.signature;

/** The outcome of checking a request's signed headers. */
public record Verification(String accessKey, Failure failure, String details) {

    public enum Failure {
        MISSING_HEADER, MALFORMED_TIMESTAMP, STALE_TIMESTAMP, UNKNOWN_ACCESS_KEY, BAD_SIGNATURE
    }

    static Verification ok(String accessKey) {
        return new Verification(accessKey, null, null);
    }

    static Verification failed(Failure failure, String details) {
        return new Verification(null, failure, details);
    }

    public boolean isValid() {
        return failure == null;
    }
}
