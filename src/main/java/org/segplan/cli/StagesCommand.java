package org.segplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.segplan.contract.PipelineRunsTable;
import org.segplan.pipeline.StageSpec;
import org.segplan.pipeline.Stages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the stage specs: what each stage reads and writes. The Airflow task list and the test table lists are
 * checked against {@code segplan stages --json}. Needs no Spark session and no configuration.
 */
@Command(name = "stages", mixinStandardHelpOptions = true,
        description = "List the stages of 'segplan run' with the tables each reads and writes.")
final class StagesCommand implements Runnable {
    @Option(names = "--json", description = "Print the specs as JSON (stages in order, then the other commands).")
    boolean json;

    @Override
    public void run() {
        if (json) {
            System.out.println(toJson());
            return;
        }
        for (StageSpec spec : Stages.specs()) {
            System.out.printf("%-9s %s%n", spec.name(), spec.description());
            System.out.printf("%-9s   reads:  %s%n", "", spec.reads().stream()
                    .map(read -> read.table() + (read.required() ? "" : " (optional)")).toList());
            System.out.printf("%-9s   writes: %s%n", "", spec.writes().stream()
                    .map(write -> write.table() + (write.condition().isEmpty() ? "" : " (" + write.condition() + ")"))
                    .toList());
        }
        System.out.println("Every stage also records itself in " + PipelineRunsTable.NAME + ".");
    }

    static String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.set("stages", specs(mapper, Stages.specs()));
        root.set("other_commands", specs(mapper, Stages.otherSpecs()));
        root.put("ledger", PipelineRunsTable.NAME);
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException exception) {
            throw new IllegalStateException("cannot write the stage specs as JSON", exception);
        }
    }

    private static ArrayNode specs(ObjectMapper mapper, List<StageSpec> specs) {
        ArrayNode array = mapper.createArrayNode();
        for (StageSpec spec : specs) {
            ObjectNode node = array.addObject();
            node.put("name", spec.name());
            node.put("description", spec.description());
            node.put("needs_order_lines", spec.needsOrderLines());
            ArrayNode reads = node.putArray("reads");
            spec.reads().forEach(read -> reads.addObject().put("table", read.table()).put("required", read.required()));
            ArrayNode writes = node.putArray("writes");
            spec.writes().forEach(write -> writes.addObject().put("table", write.table())
                    .put("condition", write.condition()).put("may_be_empty", write.mayBeEmpty()));
        }
        return array;
    }
}
