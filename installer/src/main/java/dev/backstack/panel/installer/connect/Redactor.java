package dev.backstack.panel.installer.connect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in free text before it is shown or logged: bearer and basic credentials,
 * {@code token: ...} / {@code "token":"..."} style values (also password, secret, api key and
 * {@code client-key-data}), PEM private key blocks, GitHub tokens ({@code ghp_}, {@code gho_},
 * {@code github_pat_}, ...), AWS access key ids ({@code AKIA...}) and JWT-looking strings
 * ({@code eyJ...}), and passwords in URLs ({@code https://user:pw@host}). Errs on the side of
 * masking too much. Idempotent. Stateless and thread-safe; call from any thread.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "[REDACTED]";

    private static final String KEY_WORDS = "token|password|passwd|secret|api[_-]?key|client-key-data";

    private record Rule(Pattern pattern, String replacement) {}

    private static final String KEY = "(?i)((?<![\\w.-])[\\w.-]*(?:" + KEY_WORDS + ")[\\w.-]*[\"']?\\s*[:=]\\s*)";
    private static final String NOT_MASKED = "(?!\\[REDACTED\\])";

    private static final List<Rule> RULES = List.of(
            rule(
                    "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)",
                    "-----BEGIN $1PRIVATE KEY-----" + MASK + "-----END $1PRIVATE KEY-----"),
            rule(
                    "(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?)(?!(?:bearer|basic)\\s+\\[REDACTED\\])"
                            + "(bearer\\s+|basic\\s+)?" + NOT_MASKED + "[^\\s\"',;}]+",
                    "$1$2" + MASK),
            rule("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]+", "$1 " + MASK),
            rule(KEY + "\"[^\"\\n]*\"", "$1\"" + MASK + "\""),
            rule(KEY + "'[^'\\n]*'", "$1'" + MASK + "'"),
            rule(KEY + NOT_MASKED + "[^\\s\"',;}\\]]+", "$1" + MASK),
            rule("(?i)(--[\\w-]*(?:" + KEY_WORDS + ")[\\w-]*\\s+)(?!-)" + NOT_MASKED + "[^\\s\"',;}\\]]+", "$1" + MASK),
            rule("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+:)[^@\\s/]+@", "$1" + MASK + "@"),
            rule("\\bgithub_pat_\\w+", MASK),
            rule("\\bgh[pousr]_\\w+", MASK),
            rule("\\b(?:AKIA|ASIA)[A-Z0-9]{12,}\\b", MASK),
            rule("\\beyJ[A-Za-z0-9_-]{6,}(?:\\.[A-Za-z0-9_-]*){0,2}", MASK));

    private Redactor() {}

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    /** Returns the text with every secret-looking part replaced by {@link #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(rule.replacement());
            }
        }
        return result;
    }
}
