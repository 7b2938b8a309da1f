package dev.contractkit.ncp.signature;

/** The names of NCP's three signed headers. */
public final class NcpHeaders {
    public static final String TIMESTAMP = "x-ncp-apigw-timestamp";
    public static final String ACCESS_KEY = "x-ncp-iam-access-key";
    public static final String SIGNATURE = "x-ncp-apigw-signature-v2";

    private NcpHeaders() {
    }
}
