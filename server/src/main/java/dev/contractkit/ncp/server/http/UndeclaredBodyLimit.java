package dev.contractkit.ncp.server.http;

import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.error.NcpException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body sent without {@code Content-Length} (chunked) cannot be refused up front by {@link RequestBodyLimit};
 * it is counted while it is read, and refused with the same 413 "430" once past {@link NcpErrors#MAX_BODY_BYTES}. Bodies with a
 * declared length were already checked, so they are not wrapped.
 */
@Provider
public class UndeclaredBodyLimit implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getHeaders().getFirst("Content-Length") == null) {
            context.setInputStream(new CountingStream(context.getInputStream()));
        }
        return context.proceed();
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                add(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                add(read);
            }
            return read;
        }

        private void add(long bytes) {
            count += bytes;
            if (count > NcpErrors.MAX_BODY_BYTES) {
                throw new NcpException(NcpErrorCode.REQUEST_ENTITY_TOO_LARGE, NcpErrors.BODY_TOO_LARGE);
            }
        }
    }
}
