package org.jpledger.systemtests.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crash run: start the stack as processes, set up units and employees, drive the workload while {@link Chaos} kills
 * the chosen processes, let it drain, and judge the result; writes a report of the figures.
 */
final class CrashRun {

    private static final Logger LOG = LoggerFactory.getLogger(CrashRun.class);

    /**
     * What to run.
     *
     * @param brokers      Kafka nodes: 1, or 3 for a replicated cluster
     * @param brokersOnly  kill only Kafka nodes (the cluster variant) rather than every process
     * @param rounds       how many times each victim is killed
     */
    record Plan(String name, Workload.Settings workload, int brokers, boolean brokersOnly, int rounds) {
    }

    /** What happened. */
    record Outcome(List<Verdict.Check> checks, String report, Path reportFile) {

        List<Verdict.Check> failed() {
            return checks.stream().filter(c -> !c.passed()).toList();
        }
    }

    private CrashRun() {
    }

    static Outcome run(Plan plan, Path work, Path projectRoot, Path reportDirectory) throws Exception {
        Instant began = Instant.now();
        long started = System.nanoTime();
        try (CrashStack stack = CrashStack.start(work, projectRoot, plan.brokers())) {
            long stackReady = System.nanoTime();
            Workload workload = new Workload(plan.workload());
            RetryingHttp training = new RetryingHttp(stack.trainingUrl(), stack.bearer());
            workload.setUp(training);
            List<CrashStack.Victim> victims = stack.victims().stream()
                    .filter(v -> !plan.brokersOnly() || v.name().startsWith("Kafka")).toList();
            Chaos chaos = new Chaos(victims, plan.rounds(), workload.recorded::get, plan.workload().completions(),
                    new Random(plan.workload().seed()));
            Thread chaosThread = new Thread(chaos, "chaos");
            long load = System.nanoTime();
            chaosThread.start();
            workload.run(training, () -> !chaos.done(), () -> chaos.failure() != null);
            chaosThread.join();
            long loadEnded = System.nanoTime();
            if (chaos.failure() != null) {
                throw new IllegalStateException("a killed process did not come back", chaos.failure());
            }
            Verdict verdict = new Verdict(stack, workload);
            Duration drained = verdict.awaitDrained(Duration.ofMinutes(10));
            List<Verdict.Check> checks = verdict.run();
            long events = recordsOnTopics(stack.bootstrapServers());
            String report = report(plan, began, workload, training, chaos, checks, events, drained,
                    seconds(stackReady - started), seconds(loadEnded - load), seconds(System.nanoTime() - started));
            Files.createDirectories(reportDirectory);
            Path file = reportDirectory.resolve("crash-report-" + plan.name() + ".md");
            Files.writeString(file, report);
            LOG.info("\n{}", report);
            return new Outcome(checks, report, file);
        }
    }

    /** Every record on the services' topics: each event once, plus the re-sends of publishes cut off by a crash. */
    private static long recordsOnTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var topics = admin.describeTopics(admin.listTopics().names().get(30, TimeUnit.SECONDS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = topics.values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    private static String report(Plan plan, Instant began, Workload workload, RetryingHttp http, Chaos chaos,
            List<Verdict.Check> checks, long events, Duration drained, double startup, double load, double total)
            throws IOException {
        StringBuilder r = new StringBuilder();
        Workload.Settings s = plan.workload();
        r.append("### Crash run `").append(plan.name()).append("` — ").append(began).append("\n\n");
        r.append("- Processes: PostgreSQL, ").append(plan.brokers()).append(plan.brokers() == 1 ? " Kafka broker" :
                " Kafka nodes (replication factor 3, min.insync.replicas 2)")
                .append(", training-service, reporting-service; seed ").append(s.seed()).append("\n");
        r.append("- Workload: %d clients, %d employees in %d units; %,d completions recorded (%,d batches of 25 and "
                .formatted(s.clients(), s.employees(), workload.units().size(), workload.recorded.get(),
                        workload.batches.get()))
                .append("%,d single), %,d amendments, %,d voids, %,d employee changes\n".formatted(
                        workload.recorded.get() - 25 * workload.batches.get(), workload.amendments.get(),
                        workload.voids.get(), workload.employeeChanges.get()));
        r.append("- HTTP requests: %,d, of which %,d retries (no connection, timeout, 5xx or 429)\n".formatted(
                http.requests.get(), http.retries.get()));
        r.append("- Kafka records on the topics afterwards: %,d\n".formatted(events));
        r.append("- Kills (SIGKILL, restart after a 1–4 s pause): ").append(chaos.kills().entrySet().stream()
                .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "))).append("\n");
        r.append("- Time: stack start %.0f s, load %.0f s, drained %s after the load, whole run %.0f s\n".formatted(
                startup, load, drained == null ? "NOT within 10 min" : "%.1f s".formatted(drained.toMillis() / 1e3),
                total));
        r.append("\nKill timeline (seconds since the load began):\n\n```\n");
        chaos.timeline().forEach(line -> r.append(line).append("\n"));
        r.append("```\n\n").append(table(checks));
        return r.toString();
    }

    /** The checks as a Markdown table of name, result and evidence. */
    static String table(List<Verdict.Check> checks) {
        StringBuilder r = new StringBuilder("| Check | Result | Evidence |\n|---|---|---|\n");
        for (Verdict.Check check : checks) {
            r.append("| ").append(check.name()).append(" | ").append(check.passed() ? "pass" : "**FAIL**").append(" | ")
                    .append(check.detail().replace("|", "\\|")).append(" |\n");
        }
        return r.toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
