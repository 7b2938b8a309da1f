package dev.contractkit.ncp.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines one class logs at a level or above while the capture is open, each with its parameters filled in. */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler;

    private CapturedLog(Class<?> source, Level least) {
        logger = Logger.getLogger(source.getName());
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= least.intValue()) {
                    Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
                    lines.add(parameters.length == 0 ? String.valueOf(record.getMessage()) : String.format(record.getMessage(), parameters));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
    }

    /** Captures what {@code source} logs at {@code least} or above, until closed. */
    public static CapturedLog of(Class<?> source, Level least) {
        return new CapturedLog(source, least);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
