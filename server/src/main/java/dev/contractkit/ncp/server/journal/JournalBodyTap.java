package dev.contractkit.ncp.server.journal;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Copies the first 4 KB of a request body, as the API reads it, for the request journal. */
@Provider
public class JournalBodyTap implements ReaderInterceptor {
    // looked up when first needed: JAX-RS providers are made before the runtime configuration exists
    private final jakarta.inject.Provider<RequestJournal> journal; // qualified: Provider is imported
    private final CurrentVertxRequest current;

    public JournalBodyTap(jakarta.inject.Provider<RequestJournal> journal, CurrentVertxRequest current) {
        this.journal = journal;
        this.current = current;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RoutingContext routing = journal.get().enabled() ? current.getCurrent() : null;
        if (routing != null) {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            routing.put(JournalCapture.BODY_KEY, copy);
            context.setInputStream(new Tap(context.getInputStream(), copy));
        }
        return context.proceed();
    }

    private static final class Tap extends FilterInputStream {
        private final ByteArrayOutputStream copy;

        Tap(InputStream in, ByteArrayOutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0 && copy.size() < JournalCapture.BODY_LIMIT) {
                copy.write(value);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0 && copy.size() < JournalCapture.BODY_LIMIT) {
                copy.write(buffer, offset, Math.min(read, JournalCapture.BODY_LIMIT - copy.size()));
            }
            return read;
        }
    }
}
