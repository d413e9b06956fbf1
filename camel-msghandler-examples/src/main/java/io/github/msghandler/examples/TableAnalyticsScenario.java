package io.github.msghandler.examples;

import io.github.msghandler.camel.MsgHandlerConstants;
import io.github.msghandler.core.arrow.ArrowTable;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4, table analytics: a route publishes a table of exam results as arrowtable and as jsontable; an
 * analytics route averages the score column of either and replies with the figure.
 */
final class TableAnalyticsScenario implements Scenario {
    private static final int ROWS = 1_000;

    @Override
    public String name() {
        return "tables";
    }

    @Override
    public String description() {
        return "a 1,000-row table sent as arrowtable and as jsontable; an analytics route averages a column and replies";
    }

    @Override
    public void addRoutes(Main main) {
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("msghandler:analytics.scores").routeId("analytics")
                        .process(exchange -> {
                            String format = exchange.getMessage().getHeader(MsgHandlerConstants.PAYLOAD_TYPE,
                                    String.class);
                            // the received payload decodes when converted: an ArrowTable, or the jsontable's rows
                            List<Map<String, Object>> rows = "arrowtable".equals(format)
                                    ? exchange.getMessage().getBody(ArrowTable.class).rows()
                                    : castRows(exchange.getMessage().getBody(List.class));
                            double mean = rows.stream().mapToDouble(r -> ((Number) r.get("score")).doubleValue())
                                    .average().orElse(Double.NaN);
                            Map<String, Object> result = new LinkedHashMap<>();
                            result.put("format", format);
                            result.put("rows", rows.size());
                            result.put("mean_score", mean);
                            exchange.getMessage().setBody(result);
                        })
                        .log("Analytics replied ${body}");

                from("direct:publish-table").routeId("publisher")
                        .log("Publishing the table as ${header.CamelMsgHandlerPayloadType}")
                        .to("msghandler:analytics.scores?exchangePattern=InOut&requestTimeout=10000");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castRows(Object body) {
        return (List<Map<String, Object>>) body;
    }

    @Override
    public String drive(CamelContext camel, Path dir) {
        List<Map<String, Object>> rows = new ArrayList<>(ROWS);
        double sum = 0;
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("student", "student-" + i);
            row.put("score", 50 + (i * 37) % 50 + 0.5);
            row.put("passed", i % 4 != 0);
            row.put("taken_at", Instant.parse("2026-06-01T09:00:00Z").plusSeconds(i * 60L));
            sum += (Double) row.get("score");
            rows.add(row);
        }
        double expected = sum / ROWS;
        List<String> results = new ArrayList<>();
        for (String format : List.of("arrowtable", "jsontable")) {
            Map<?, ?> reply = camel.createProducerTemplate().requestBodyAndHeader("direct:publish-table", rows,
                    MsgHandlerConstants.PAYLOAD_TYPE, format, Map.class);
            if (!format.equals(reply.get("format")) || !Integer.valueOf(ROWS).equals(reply.get("rows"))
                    || Math.abs(((Number) reply.get("mean_score")).doubleValue() - expected) > 1e-9) {
                throw new AssertionError("analytics of the " + format + " table answered " + reply
                        + ", expected mean_score " + expected);
            }
            results.add(format + " mean_score=" + reply.get("mean_score"));
        }
        return String.join(", ", results) + " (expected " + expected + ")";
    }
}
