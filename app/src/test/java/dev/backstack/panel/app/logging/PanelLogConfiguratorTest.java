package dev.backstack.panel.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The logging set up in code: redacting, to stderr, quiet where fabric8 is noisy, and found by logback itself. */
class PanelLogConfiguratorTest {

    @Test
    void messagesAndStackTracesAreRedacted() {
        LoggerContext context = new LoggerContext();
        new PanelLogConfigurator().configure(context);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        Encoder<ILoggingEvent> encoder = stderr.getEncoder();

        String secret = "ghp_" + "A".repeat(36);
        LoggingEvent event = new LoggingEvent(
                getClass().getName(),
                root,
                Level.WARN,
                "pushing with token: " + secret,
                new IllegalStateException("refused token: " + secret),
                null);
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line)
                .contains("WARN", "pushing with", "IllegalStateException")
                .doesNotContain(secret);
        context.stop();
    }

    @Test
    void fabric8sRetryNoiseIsQuietAndTheRootIsInfo() {
        LoggerContext context = new LoggerContext();
        new PanelLogConfigurator().configure(context);
        assertThat(context.getLogger("io.fabric8.kubernetes.client.informers.impl.cache.Reflector")
                        .getLevel())
                .isEqualTo(Level.ERROR);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
                .isEqualTo(Level.INFO);
        context.stop();
    }

    @Test
    void logbackUsesItWithoutAnyXml() {
        assertThat(Thread.currentThread().getContextClassLoader().getResource("logback.xml"))
                .isNull();
        LoggerContext running = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        assertThat(running.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
                .isNotNull();
    }
}
