package dev.backstack.panel.installer.connect;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the proxy for one API server the way kubectl (client-go and Go's
 * {@code http.ProxyFromEnvironment}) does, so that fabric8 only has to be told "this proxy" or
 * "none":
 * <ul>
 * <li>the cluster's {@code proxy-url} in the kubeconfig wins, always (NO_PROXY does not apply to it);
 * <li>otherwise {@code HTTPS_PROXY}, else {@code https_proxy} (server URLs are always https, so
 * {@code HTTP_PROXY} is never used), unless the server is {@code localhost} or a loopback IP, or
 * {@code NO_PROXY} (else {@code no_proxy}) matches it: {@code *}; host names, which also match
 * their subdomains ({@code example.com}), leading-dot or {@code *.} suffixes
 * ({@code .example.com}); IPv4 and IPv6 addresses, with or without brackets; CIDR blocks
 * ({@code 10.0.0.0/8}, {@code fd00::/8}); any of them with {@code :port}.
 * </ul>
 * fabric8's own NO_PROXY handling is never used: it matches plain suffixes ({@code example.com}
 * also matches {@code badexample.com}), ignores ports and rejects {@code *} and brackets.
 *
 * <p>Credentials in a proxy URL ({@code http://user:pass@host:port}) are split off: the URL handed
 * on, shown or logged never contains them. Stateless and thread-safe.
 */
public final class ProxySelection {

    /**
     * A proxy to use.
     *
     * @param url      {@code scheme://host:port}, without credentials, port always present
     * @param username proxy user from the URL (percent-decoded), or null
     * @param password proxy password from the URL (percent-decoded), or null
     * @param source   where it came from, for messages: {@code proxy-url}, {@code HTTPS_PROXY} or {@code https_proxy}
     */
    public record Proxy(String url, String username, String password, String source) {

        @Override
        public String toString() {
            return "Proxy[" + url + (username == null ? "" : ", user " + username + ", password " + Redactor.MASK)
                    + ", from " + source + "]";
        }
    }

    private static final List<String> SCHEMES = List.of("http", "https", "socks5");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private ProxySelection() {}

    /**
     * The proxy for {@code server}, or empty for a direct connection.
     *
     * @param server   the https server URL from the kubeconfig
     * @param proxyUrl the cluster's {@code proxy-url}, or null
     * @param env      the app's environment
     * @throws IllegalArgumentException if the proxy URL in use is not one kubectl would accept; the
     *                                  message names it without credentials
     */
    public static Optional<Proxy> choose(String server, String proxyUrl, Map<String, String> env) {
        if (proxyUrl != null && !proxyUrl.isBlank()) {
            return Optional.of(parse(proxyUrl.trim(), "proxy-url"));
        }
        String source =
                nonEmpty(env, "HTTPS_PROXY") ? "HTTPS_PROXY" : nonEmpty(env, "https_proxy") ? "https_proxy" : null;
        if (source == null) {
            return Optional.empty();
        }
        URI target = URI.create(server);
        String host = unbracket(target.getHost() == null ? "" : target.getHost());
        int port = target.getPort() > 0 ? target.getPort() : 443;
        String noProxy = nonEmpty(env, "NO_PROXY") ? env.get("NO_PROXY") : env.getOrDefault("no_proxy", "");
        if (bypassed(host, port, noProxy)) {
            return Optional.empty();
        }
        return Optional.of(parse(env.get(source).trim(), source));
    }

    /**
     * Whether a server at {@code host:port} is reached directly although an environment proxy is
     * set: loopback, or matched by the NO_PROXY list (Go's rules).
     */
    static boolean bypassed(String host, int port, String noProxy) {
        String h = unbracket(host).toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.equals("localhost")) {
            return true;
        }
        byte[] ip = ipLiteral(h);
        if (ip != null && isLoopback(ip)) {
            return true;
        }
        String p = Integer.toString(port);
        for (String raw : noProxy.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            int slash = entry.indexOf('/');
            if (slash > 0) {
                if (ip != null && inCidr(ip, entry.substring(0, slash), entry.substring(slash + 1))) {
                    return true;
                }
                continue;
            }
            String entryHost = entry;
            String entryPort = "";
            Matcher bracketed = Pattern.compile("\\[(.*)](?::(\\d*))?").matcher(entry);
            if (bracketed.matches()) {
                entryHost = bracketed.group(1);
                entryPort = bracketed.group(2) == null ? "" : bracketed.group(2);
            } else if (entry.indexOf(':') == entry.lastIndexOf(':') && entry.indexOf(':') >= 0) {
                entryHost = entry.substring(0, entry.indexOf(':'));
                entryPort = entry.substring(entry.indexOf(':') + 1);
            }
            if (entryHost.isEmpty() || !(entryPort.isEmpty() || entryPort.equals(p))) {
                continue;
            }
            byte[] entryIp = ipLiteral(entryHost);
            if (entryIp != null) {
                if (ip != null && java.util.Arrays.equals(ip, entryIp)) {
                    return true;
                }
                continue;
            }
            String suffix = entryHost.startsWith("*.") ? entryHost.substring(1) : entryHost;
            boolean exactToo = !suffix.startsWith(".");
            String dotted = exactToo ? "." + suffix : suffix;
            if (h.endsWith(dotted) || (exactToo && h.equals(suffix))) {
                return true;
            }
        }
        return false;
    }

    private static Proxy parse(String raw, String source) {
        String text = raw;
        int schemeEnd = text.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            // Go reads "proxy:3128" (and any other scheme) as http://...
            if (schemeEnd >= 0) {
                throw invalid(raw, source, "the scheme must be http, https or socks5");
            }
            text = "http://" + text;
            scheme = "http";
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(raw, source, "it is not a URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(raw, source, "it names no host");
        }
        int port = uri.getPort() > 0
                ? uri.getPort()
                : switch (scheme) {
                    case "https" -> 443;
                    case "socks5" -> 1080;
                    default -> 80;
                };
        String username = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String info = uri.getUserInfo();
            int colon = info.indexOf(':');
            username = colon < 0 ? info : info.substring(0, colon);
            password = colon < 0 ? "" : info.substring(colon + 1);
            // fabric8's Vert.x client hands the proxy only a "user:password" pair that splits in
            // exactly two at ':' (otherwise it would send the credentials inside the tunnel, to
            // the API server): refuse what it cannot carry rather than leak or drop it.
            if (username.isEmpty() || password.isEmpty() || password.contains(":") || !isAscii(username + password)) {
                throw invalid(
                        raw,
                        source,
                        "its user and password must both be set, the password without ':', "
                                + "and both ASCII (the panel's HTTP client cannot send other proxy credentials)");
            }
        }
        return new Proxy(scheme + "://" + uri.getHost() + ":" + port, username, password, source);
    }

    /**
     * What the user should read when a request failed at the proxy, or empty if it did not: a
     * 407 reads "proxy authentication required", naming the proxy and the server (never
     * credentials, which the proxy's address does not carry); any other refusal of the tunnel
     * gives the proxy's status. Recognises the HTTP client's "proxy connect" failures
     * ({@code http, basic, proxy/10.0.0.1:3128 => server:6443, status: 407 ...}).
     */
    public static Optional<String> describeFailure(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            Matcher m = c.getMessage() == null ? null : PROXY_FAILURE.matcher(c.getMessage());
            if (m == null || !m.find()) {
                continue;
            }
            String proxy = Redactor.redact(address(m.group(3)));
            String target = Redactor.redact(address(m.group(4)));
            String reason = m.group(5) == null ? "" : Redactor.redact(m.group(5).trim());
            if (reason.startsWith("status: 407")) {
                return Optional.of("proxy authentication required: the proxy " + proxy + " refused the tunnel to "
                        + target + " (407); "
                        + ("none".equals(m.group(2))
                                ? "no proxy credentials were sent: add them to the proxy URL"
                                        + " (http://user:password@host:port) in proxy-url or HTTPS_PROXY"
                                : "check the user and password in the proxy URL (proxy-url or HTTPS_PROXY)"));
            }
            return Optional.of("the proxy " + proxy + " refused the tunnel to " + target
                    + (reason.isEmpty() ? "" : ": " + reason.replaceFirst("^status: ", "status ")));
        }
        return Optional.empty();
    }

    private static final Pattern PROXY_FAILURE =
            Pattern.compile("\\b(http|socks4a?|socks5), (\\w+), (\\S+) => (\\S+?)(?:, (.*))?$");

    /** {@code host/1.2.3.4:80} as {@code host:80 (1.2.3.4)}; {@code host/<unresolved>:80} as {@code host:80}. */
    private static String address(String text) {
        Matcher m = Pattern.compile("^([^/]*)/(.*):(\\d+)$").matcher(text);
        if (!m.matches()) {
            return text;
        }
        String host = m.group(1);
        String ip = m.group(2);
        if (host.isEmpty()) {
            return ip + ":" + m.group(3);
        }
        return host + ":" + m.group(3)
                + (ip.isEmpty() || ip.equals("<unresolved>") || ip.equals(host) ? "" : " (" + ip + ")");
    }

    private static IllegalArgumentException invalid(String raw, String source, String why) {
        return new IllegalArgumentException(source + " `" + withoutCredentials(raw) + "` is not a usable proxy URL: "
                + why + " (expected http://host:port, https://host:port or socks5://host:port)");
    }

    /** The text with any {@code user:password@} or {@code user@} in a URL removed. */
    static String withoutCredentials(String url) {
        return Redactor.redact(url.replaceAll("(?i)^([a-z][a-z0-9+.-]*://)?[^/@\\s]*@", "$1"));
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f);
    }

    private static boolean nonEmpty(Map<String, String> env, String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The address bytes of an IPv4 or IPv6 literal, or null for anything else; never a DNS lookup. */
    static byte[] ipLiteral(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        if (IPV6.matcher(text).matches()) {
            try {
                // a bracketed literal is never looked up: invalid ones fail without DNS
                byte[] bytes = InetAddress.getByName("[" + text + "]").getAddress();
                return bytes;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isLoopback(byte[] ip) {
        if (ip.length == 4) {
            return ip[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[15] == 1;
    }

    private static boolean inCidr(byte[] ip, String network, String prefixText) {
        byte[] net = ipLiteral(unbracket(network));
        if (net == null || net.length != ip.length || !prefixText.matches("\\d{1,3}")) {
            return false;
        }
        int prefix = Integer.parseInt(prefixText);
        if (prefix > net.length * 8) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((ip[bit / 8] & mask) != (net[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
