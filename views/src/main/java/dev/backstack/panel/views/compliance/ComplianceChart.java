package dev.backstack.panel.views.compliance;

import dev.backstack.panel.model.compliance.ComplianceSample;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** The fleet's failing, erroring and warning results over time, from the local history. */
final class ComplianceChart extends LineChart<Number, Number> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final XYChart.Series<Number, Number> fail = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> error = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> warn = new XYChart.Series<>();

    ComplianceChart(ObservableList<ComplianceSample> samples) {
        super(timeAxis(), countAxis());
        setId("compliance-chart");
        setTitle("Fleet over time (local history)");
        setCreateSymbols(false);
        setAnimated(false);
        fail.setName("fail");
        error.setName("error");
        warn.setName("warn");
        getData().addAll(List.of(fail, error, warn));
        samples.addListener((ListChangeListener<ComplianceSample>) c -> show(samples));
        show(samples);
    }

    private static NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number millis) {
                return TIME.format(Instant.ofEpochMilli(millis.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        return x;
    }

    private static NumberAxis countAxis() {
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        return y;
    }

    /** With fewer than two minutes of history the time axis shows ten minutes around what there is. */
    private void show(List<ComplianceSample> samples) {
        NumberAxis x = (NumberAxis) getXAxis();
        boolean narrow = samples.size() < 2;
        setCreateSymbols(narrow);
        x.setAutoRanging(!narrow);
        if (narrow) {
            long at = samples.isEmpty()
                    ? System.currentTimeMillis()
                    : samples.get(0).minuteMillis();
            x.setLowerBound(at - 5 * ComplianceSample.MINUTE);
            x.setUpperBound(at + 5 * ComplianceSample.MINUTE);
            x.setTickUnit(ComplianceSample.MINUTE);
        }
        fail.getData().setAll(points(samples, Kind.FAIL));
        error.getData().setAll(points(samples, Kind.ERROR));
        warn.getData().setAll(points(samples, Kind.WARN));
    }

    private enum Kind {
        FAIL,
        ERROR,
        WARN
    }

    private static List<XYChart.Data<Number, Number>> points(List<ComplianceSample> samples, Kind kind) {
        return samples.stream()
                .map(s -> new XYChart.Data<Number, Number>(
                        s.minuteMillis(),
                        switch (kind) {
                            case FAIL -> s.counts().fail();
                            case ERROR -> s.counts().error();
                            case WARN -> s.counts().warn();
                        }))
                .toList();
    }
}
