package org.jpledger.reporting.siasn.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.reporting.config.ExportsConfig;
import org.jpledger.reporting.export.ExportManifest;
import org.jpledger.reporting.export.ScheduledRunner;

/**
 * The {@code siasn-delta} schedule kind: a scheduled run creates a stored delta exactly as an operator's POST does,
 * unacknowledged (the operator acknowledges it after uploading), covering the schedule's unit or every unit.
 */
@ApplicationScoped
public class ScheduledSiasnDelta implements ScheduledRunner {

    /** The schedule kind, as configured. */
    public static final String KIND = "siasn-delta";

    private final SiasnDeltaService deltas;
    private final Clock clock;

    public ScheduledSiasnDelta(SiasnDeltaService deltas, Clock clock) {
        this.deltas = deltas;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ExportManifest run(String name, ExportsConfig.Schedule schedule, Instant fireTime) {
        long started = System.nanoTime();
        List<String> units = schedule.unitCode().map(List::of).orElse(null);
        DeltaExport delta = deltas.create(new SiasnDeltaService.CreateDelta(units, "scheduled: " + name,
                "schedule:" + name));
        long rows = (long) delta.rows().create() + delta.rows().update() + delta.rows().delete();
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("units", units == null ? "*" : String.join(",", units));
        filters.put("exportId", delta.exportId().toString());
        Log.infof("scheduled SIASN delta %s: export %s, %d rows", name, delta.exportId(), rows);
        return new ExportManifest(delta.exportId().toString(), name, KIND, filters, "siasn", null, rows, "", 0,
                fireTime, clock.instant(), (System.nanoTime() - started) / 1_000_000);
    }
}
