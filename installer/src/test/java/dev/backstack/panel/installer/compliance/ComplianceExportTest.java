package dev.backstack.panel.installer.compliance;

import static dev.backstack.panel.installer.compliance.ComplianceFixtures.hubWith;
import static dev.backstack.panel.installer.compliance.ComplianceFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.ResourceRef;
import dev.backstack.panel.model.Verdict;
import dev.backstack.panel.model.compliance.ComplianceSample;
import dev.backstack.panel.model.compliance.FleetCompliance;
import dev.backstack.panel.model.compliance.Grouping;
import dev.backstack.panel.model.compliance.HistorySnapshot;
import dev.backstack.panel.model.compliance.Transition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exports: HTML escaped and self-contained, CSV by RFC 4180, JSON readable by Jackson. */
class ComplianceExportTest {

    private static final String EVIL = "<script>alert('x')</script> & \"quoted\", with comma\nand a new line";
    private static final FleetCompliance FC = FleetCompliance.of(hubWith(
            1,
            r("ro-rootfs", "web-1", "fail", EVIL),
            r("host-path", "web-2", "pass", "ok"),
            r("limits", "web-2", "warn", "set limits")));
    private static final HistorySnapshot HISTORY = new HistorySnapshot(
            List.of(
                    new ComplianceSample("hub", 60_000, new ReportCounts(3, 0, 0, 0, 0)),
                    new ComplianceSample("hub", 120_000, new ReportCounts(1, 1, 1, 0, 0))),
            List.of(new Transition(
                    120_000,
                    "hub",
                    "ro-rootfs",
                    new ResourceRef("Pod", "web", "web-1"),
                    "ro-rootfs",
                    Optional.of(Verdict.PASS),
                    Optional.of(Verdict.FAIL),
                    EVIL)));

    @Test
    @DisplayName("HTML escapes every text from the cluster: a message with <script> stays text")
    void htmlEscapes() {
        String html = ComplianceExport.write(ComplianceExport.Format.HTML, FC, HISTORY);
        assertThat(html)
                .doesNotContain("<script>")
                .doesNotContain("alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
    }

    @Test
    @DisplayName("HTML is self-contained: inline CSS, no external assets, no scripts, with the history")
    void htmlSelfContained() {
        String html = ComplianceExport.write(ComplianceExport.Format.HTML, FC, HISTORY);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<style>", "<svg", "Recent history", "pass \u2192 fail", "Failing resources (2)");
        assertThat(html.toLowerCase()).doesNotContain("<script", "<link", "src=\"http", "href=\"http", "@import");
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "plain        | plain",
                "a,b          | `\"a,b\"`",
                "`say \"hi\"` | `\"say \"\"hi\"\"\"`",
                "``           | ``",
            })
    void csvFieldsFollowRfc4180(String in, String out) {
        assertThat(ComplianceExport.csvField(in)).isEqualTo(out);
    }

    @Test
    @DisplayName("CSV lists the failing resources, CRLF line ends, a message with quotes, commas and a newline quoted")
    void csvQuotes() {
        String csv = ComplianceExport.csv(FC);
        assertThat(csv).startsWith("cluster,kind,namespace,name,policy,rule,result,message,source\r\n");
        assertThat(csv)
                .contains("hub,Pod,web,web-1,ro-rootfs,ro-rootfs,fail,\"<script>alert('x')</script> & "
                        + "\"\"quoted\"\", with comma\nand a new line\",openreports.io\r\n");
        assertThat(csv).contains("hub,Pod,web,web-2,limits,limits,warn,set limits,openreports.io\r\n");
        assertThat(ComplianceExport.csv(FC, Grouping.CLUSTER)).contains("cluster,hub,hub,1,1,1,0,0,\r\n");
    }

    @Test
    @DisplayName("JSON has the totals, the three tables, the failing resources and the history")
    void json() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ComplianceExport.write(ComplianceExport.Format.JSON, FC, HISTORY));
        assertThat(root.get("hasFailures").asBoolean()).isTrue();
        assertThat(root.get("total").get("fail").asLong()).isEqualTo(1);
        assertThat(root.get("clusters").get(0).get("cluster").asText()).isEqualTo("hub");
        assertThat(root.get("policies")).hasSize(3);
        assertThat(root.get("failing").get(0).get("message").asText()).isEqualTo(EVIL);
        assertThat(root.get("history").get("transitions").get(0).get("to").asText())
                .isEqualTo("fail");
        assertThat(root.get("history").get("samples")).hasSize(2);
    }

    @Test
    @DisplayName("the table names the failing resources and strips control characters from messages")
    void table() {
        String text = ComplianceExport.write(ComplianceExport.Format.TABLE, FC, null);
        assertThat(text).contains("CLUSTER", "POLICY", "NAMESPACE", "Pod/web-1", "FAILURES 1");
        assertThat(ComplianceTable.oneLine("a\u001b[31mred\nb")).isEqualTo("a [31mred b");
    }
}
