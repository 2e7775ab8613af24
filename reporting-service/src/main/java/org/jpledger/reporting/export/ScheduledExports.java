package org.jpledger.reporting.export;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.config.ExportsConfig;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.support.audit.AuditEntry;
import org.jpledger.support.audit.AuditLog;

/**
 * Runs the configured export schedules: each on its cron (Asia/Jakarta) through the Quarkus scheduler, once at start
 * when its latest fire time was missed, one instance at a time. Each run writes its file and manifest, is recorded
 * and audited, and removes files past the retention period.
 */
@ApplicationScoped
public class ScheduledExports {

    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(TrainingCalendar.ZONE);

    private final ExportsConfig config;
    private final ExportService exports;
    private final ExportFiles files;
    private final ExportRuns runs;
    private final AuditLog audit;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Instance<ScheduledRunner> runners;

    public ScheduledExports(ExportsConfig config, ExportService exports, ExportFiles files, ExportRuns runs,
            AuditLog audit, Scheduler scheduler, Clock clock, Instance<ScheduledRunner> runners) {
        this.config = config;
        this.exports = exports;
        this.files = files;
        this.runs = runs;
        this.audit = audit;
        this.scheduler = scheduler;
        this.clock = clock;
        this.runners = runners;
    }

    void start(@Observes StartupEvent startup) {
        config.schedules().forEach((name, schedule) -> {
            scheduler.newJob("export-" + name).setCron(schedule.cron()).setTimeZone(TrainingCalendar.ZONE.getId())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> run(name, execution.getScheduledFireTime()))
                    .schedule();
            Optional<Instant> missed = missedFireTime(schedule.cron(), runs.lastFireTime(name), clock.instant());
            // Off the startup thread: a large export must not hold the service's start.
            missed.ifPresent(fire -> Infrastructure.getDefaultWorkerPool().execute(() -> run(name, fire)));
        });
    }

    /**
     * The latest fire time before {@code now} if no run has served it yet (the service was down, or this is the first
     * start with the schedule); empty otherwise.
     */
    static Optional<Instant> missedFireTime(String cron, Optional<Instant> lastServed, Instant now) {
        Optional<ZonedDateTime> previous = ExecutionTime.forCron(QUARTZ.parse(cron))
                .lastExecution(now.atZone(TrainingCalendar.ZONE));
        return previous.map(ZonedDateTime::toInstant)
                .filter(fire -> lastServed.isEmpty() || lastServed.get().isBefore(fire));
    }

    /**
     * Runs the schedule for one fire time: its manifest, or empty when another instance holds the schedule or has
     * already served that fire time.
     */
    public Optional<ExportManifest> run(String name, Instant fireTime) {
        ExportsConfig.Schedule schedule = config.schedules().get(name);
        if (schedule == null) {
            throw new IllegalArgumentException("no export schedule " + name);
        }
        try {
            Optional<ExportManifest> manifest = runs.underLock(name, () -> {
                if (runs.lastFireTime(name).filter(last -> !last.isBefore(fireTime)).isPresent()) {
                    return null;
                }
                return write(name, schedule, fireTime);
            });
            files.removeExpired(clock.instant());
            return manifest;
        } catch (RuntimeException e) {
            Log.errorf(e, "scheduled export %s failed", name);
            audit.append(new AuditEntry(0, null, "schedule:" + name, null, "", "*", "export.scheduled", null, null,
                    null, "failed", 500, Map.of("reason", String.valueOf(e.getMessage()))));
            return Optional.empty();
        }
    }

    private ExportManifest write(String name, ExportsConfig.Schedule schedule, Instant fireTime) {
        Optional<ScheduledRunner> runner = runners.stream().filter(r -> r.kind().equals(schedule.kind())).findFirst();
        if (runner.isPresent()) {
            ExportManifest manifest = runner.get().run(name, schedule, fireTime);
            runs.record(name, fireTime, manifest.file(), manifest.rows(), manifest.sha256(), manifest.finishedAt());
            Map<String, Object> details = new LinkedHashMap<>(manifest.filters());
            details.put("file", manifest.file());
            details.put("rows", manifest.rows());
            audit.append(new AuditEntry(0, null, "schedule:" + name, null, "", "*", "export.scheduled",
                    schedule.unitCode().orElse(null), null, manifest.file(), "done", 200, details));
            return manifest;
        }
        long started = System.nanoTime();
        ExportKind kind = kindOf(schedule.kind());
        ExportFilter filter = filterOf(kind, schedule);
        ExportLayout layout = new ExportLayout(ExportFormat.valueOf(schedule.format().toUpperCase(Locale.ROOT)),
                schedule.lang().equals("en"), schedule.bom(), schedule.separator().equals("semicolon") ? ';' : ',');
        String file = name + "-" + kind.slug() + "-" + STAMP.format(fireTime) + "." + layout.format().extension();
        try (PreparedExport export = exports.prepare(kind, filter, layout)) {
            ExportFiles.Written written = files.write(name, file, export);
            Instant finished = clock.instant();
            ExportManifest manifest = new ExportManifest(file, name, kind.slug(), filter.describe(kind),
                    layout.format().extension(), export.asOf(), export.rows(), written.sha256(), written.bytes(),
                    fireTime, finished, (System.nanoTime() - started) / 1_000_000);
            files.writeManifest(manifest);
            runs.record(name, fireTime, file, export.rows(), written.sha256(), finished);
            Map<String, Object> details = new LinkedHashMap<>(filter.describe(kind));
            details.put("file", file);
            details.put("rows", export.rows());
            audit.append(new AuditEntry(0, null, "schedule:" + name, null, "", "*", "export.scheduled",
                    schedule.unitCode().orElse(null), null, file, "done", 200, details));
            Log.infof("scheduled export %s: %s, %d rows in %d ms", name, file, export.rows(),
                    manifest.durationMillis());
            return manifest;
        }
    }

    private ExportFilter filterOf(ExportKind kind, ExportsConfig.Schedule schedule) {
        LocalDate today = TrainingCalendar.today(clock);
        int year = switch (schedule.year()) {
            case "current" -> today.getYear();
            case "previous" -> today.getYear() - 1;
            default -> Integer.parseInt(schedule.year());
        };
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        List<String> units = schedule.unitCode().map(List::of).orElse(null);
        ComplianceStatus status = schedule.status().map(ComplianceStatus::valueOf).orElse(null);
        return new ExportFilter(year, units, kind == ExportKind.COMPLIANCE ? status : null,
                kind == ExportKind.TRAINING_HISTORY ? from : null, kind == ExportKind.TRAINING_HISTORY ? to : null);
    }

    private static ExportKind kindOf(String slug) {
        for (ExportKind kind : ExportKind.values()) {
            if (kind.slug().equals(slug)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown export kind " + slug + " (compliance, units, training-history, siasn-delta)");
    }
}
