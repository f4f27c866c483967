package dev.backstack.panel.app.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Records what one logger (and its children) logs while open, optionally at a finer level and
 * without passing it on to the console; restores the logger on close.
 */
final class CapturedLogs implements AutoCloseable {

    /** One logged line: level, logger, formatted message and the thrown exception's message chain. */
    record Line(Level level, String logger, String message, String thrown) {
        boolean mentions(String text) {
            String t = text.toLowerCase();
            return message.toLowerCase().contains(t) || thrown.toLowerCase().contains(t);
        }

        @Override
        public String toString() {
            return level + " " + logger + " - " + message + (thrown.isEmpty() ? "" : " [" + thrown + "]");
        }
    }

    private final Logger logger;
    private final Level oldLevel;
    private final boolean oldAdditive;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            lines.add(new Line(e.getLevel(), e.getLoggerName(), e.getFormattedMessage(), chain(e.getThrowableProxy())));
        }
    };

    private CapturedLogs(String name, Level level, boolean quiet) {
        logger = (Logger) LoggerFactory.getLogger(name);
        oldLevel = logger.getLevel();
        oldAdditive = logger.isAdditive();
        appender.setContext(logger.getLoggerContext());
        appender.setName("captured-" + name);
        appender.start();
        logger.addAppender(appender);
        if (level != null) {
            logger.setLevel(level);
        }
        if (quiet) {
            logger.setAdditive(false);
        }
    }

    /** Everything the logger logs at its configured level, still printed as usual. */
    static CapturedLogs of(String name) {
        return new CapturedLogs(name, null, false);
    }

    /** Everything the logger logs at {@code level} and above, not printed. */
    static CapturedLogs quietly(String name, Level level) {
        return new CapturedLogs(name, level, true);
    }

    static CapturedLogs root() {
        return of(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<Line> mentioning(String text) {
        return lines.stream().filter(l -> l.mentions(text)).toList();
    }

    private static String chain(IThrowableProxy t) {
        StringBuilder sb = new StringBuilder();
        for (IThrowableProxy c = t; c != null; c = c.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(c.getClassName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(oldLevel);
        logger.setAdditive(oldAdditive);
    }
}
