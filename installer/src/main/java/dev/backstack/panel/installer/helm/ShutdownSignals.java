package dev.backstack.panel.installer.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives SIGTERM, SIGINT and SIGHUP back to the JVM after a helm-java call. helm-java 0.0.21's
 * install (and template, which runs through it) calls Go's {@code signal.Notify} for SIGINT,
 * SIGTERM and SIGQUIT and never stops, so from the first call on those signals reach a Go channel
 * instead of the JVM: {@code kill} and Ctrl-C no longer run the shutdown hooks or end the process
 * (measured here). {@link #reclaim()} installs, for TERM, INT and HUP, a handler that exits the
 * way the JVM's own does (status 128 + signal number, shutdown hooks run). Go does not take them
 * back on later calls, but reclaiming after each call is cheap. SIGQUIT (thread dumps, the
 * {@code jcmd} attach handshake) stays with Go: the JVM reserves it, so it cannot be set from Java.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is reached by reflection, which keeps the
 * build free of proprietary-API warnings. Thread-safe. A no-op when the JVM runs with
 * {@code -Xrs}, refuses a signal, or lacks jdk.unsupported.
 */
final class ShutdownSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);
    private static final String[] NAMES = {"TERM", "INT", "HUP"};

    private ShutdownSignals() {}

    static synchronized void reclaim() {
        Class<?> signalType;
        Class<?> handlerType;
        Method handle;
        Method number;
        try {
            signalType = Class.forName("sun.misc.Signal");
            handlerType = Class.forName("sun.misc.SignalHandler");
            handle = signalType.getMethod("handle", signalType, handlerType);
            number = signalType.getMethod("getNumber");
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.debug("Signals left as they are: {}", e.toString());
            return;
        }
        Object exit = Proxy.newProxyInstance(
                ShutdownSignals.class.getClassLoader(),
                new Class<?>[] {handlerType},
                (proxy, method, args) -> switch (method.getName()) {
                    case "handle" -> {
                        System.exit(128 + (int) number.invoke(args[0]));
                        yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "exit on signal like the JVM";
                });
        for (String name : NAMES) {
            try {
                handle.invoke(null, signalType.getConstructor(String.class).newInstance(name), exit);
            } catch (InvocationTargetException e) {
                LOG.debug(
                        "SIG{} left as it is: {}",
                        name,
                        e.getCause() == null ? e.toString() : e.getCause().getMessage());
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("SIG{} left as it is: {}", name, e.toString());
            }
        }
    }
}
