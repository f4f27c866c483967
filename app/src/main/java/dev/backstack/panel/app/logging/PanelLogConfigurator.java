package dev.backstack.panel.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The panel's logging, set up in code (found by logback through {@code META-INF/services}), so no
 * XML is parsed on the way to the first frame: everything to stderr through the redacting
 * converters, fabric8's and Vert.x's noisy loggers quietened, the level from
 * {@code -Dpanel.log.level} (INFO by default).
 */
public final class PanelLogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %rmsg%n%rex";

    /** Loggers that say what the panel already reports better (rate-limited, without stack traces). */
    static final Map<String, Level> QUIETENED = Map.of(
            // fabric8 logs every informer retry with a stack trace; the panel reports them, rate-limited
            "io.fabric8.kubernetes.client.informers.impl.cache.Reflector", Level.ERROR,
            "io.fabric8.kubernetes.client.dsl.internal.AbstractWatchManager", Level.ERROR,
            "io.fabric8.kubernetes.client.utils.TokenRefreshInterceptor", Level.ERROR,
            "io.fabric8.kubernetes.client.internal.KubeConfigUtils", Level.ERROR,
            "io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils", Level.ERROR,
            "io.fabric8.mockwebserver", Level.WARN,
            "io.fabric8.kubernetes.client.server.mock", Level.WARN,
            // Vert.x warns about slow event loops on a loaded machine; not actionable for a user
            "io.vertx.core.impl.BlockedThreadChecker", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // every message and stack trace goes through the redacting converters
        Map<String, Supplier<DynamicConverter>> rules = new HashMap<>();
        rules.put("rmsg", RedactingMessageConverter::new);
        rules.put("rex", RedactingThrowableConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        QUIETENED.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("panel.log.level", "INFO"), Level.INFO));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
