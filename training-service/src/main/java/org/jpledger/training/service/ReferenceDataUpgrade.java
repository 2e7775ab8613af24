package org.jpledger.training.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.jpledger.training.domain.ReferenceDataUpgradeRepository;

/**
 * Brings stored completions in line with the training kinds' reference data once, at startup: the 2026 fix made
 * Magang (kind 10) nonklasikal (Perlan LAN 10/2018 NKL12), so completions stored as klasikal get the right method.
 * Each is an ordinary amendment (new version, history, COMPLETION_AMENDED), so reporting follows; a Flyway migration
 * could not write those events. Runs in bounded batches, each its own transaction, and marks itself done.
 */
@ApplicationScoped
public class ReferenceDataUpgrade {

    /** The upgrade's name in {@code reference_data_upgrade}. */
    static final String NAME = "reference-data-2026";
    /** The author of the amendments it makes, as history and events show it. */
    public static final String AUTHOR = "system:" + NAME;
    /** Completions amended per transaction: bounds the locks held and the transaction's size. */
    static final int BATCH = 200;

    private final CompletionChanges changes;
    private final ReferenceDataUpgradeRepository upgrades;
    private final Clock clock;

    public ReferenceDataUpgrade(CompletionChanges changes, ReferenceDataUpgradeRepository upgrades, Clock clock) {
        this.changes = changes;
        this.upgrades = upgrades;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        run();
    }

    /** Runs the upgrade unless it is marked done; answers how many completions it amended. */
    public long run() {
        if (QuarkusTransaction.requiringNew().call(() -> upgrades.done(NAME))) {
            return 0;
        }
        long amended = 0;
        int batch;
        // Until a batch finds nothing left to change (a batch another instance changed first ends it too; that
        // instance goes on until it is done).
        do {
            batch = changes.reclassify(BATCH, AUTHOR);
            amended += batch;
        } while (batch > 0);
        long total = amended;
        QuarkusTransaction.requiringNew().run(() -> upgrades.markDone(NAME, clock.instant(), total));
        if (total > 0) {
            Log.infof("Reference data upgrade %s amended %d completions to their kind's method", NAME, total);
        }
        return total;
    }
}
