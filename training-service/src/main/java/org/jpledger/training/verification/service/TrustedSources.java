package org.jpledger.training.verification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.support.security.UnitTree;
import org.jpledger.training.service.SourceTrust;
import org.jpledger.training.verification.domain.TrustedSource;
import org.jpledger.training.verification.domain.TrustedSourceRepository;

/**
 * Which source systems are trusted where: the verification state a new completion starts in. The table is small and
 * changes rarely, so it is read once and kept, with each (unit, source) answer, until this instance changes it or
 * {@link #TTL} passes (the bound on how long another instance's change takes to apply here): a batch of thousands asks
 * the database at most once per unit it meets from a trusted source.
 */
@ApplicationScoped
public class TrustedSources implements SourceTrust {

    /** How long an instance keeps the table it read; a change made through another instance applies after it. */
    public static final Duration TTL = Duration.ofMinutes(1);

    private final TrustedSourceRepository repository;
    private final UnitTree tree;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public TrustedSources(TrustedSourceRepository repository, UnitTree tree, Clock clock) {
        this.repository = repository;
        this.tree = tree;
        this.clock = clock;
    }

    /** A change of the table made through this instance, fired by {@link TrustedSourceService}. */
    public record Changed(String unitCode) {
    }

    /** The table as read at one time, with the answers given from it. */
    private record Snapshot(Instant readAt, Map<String, Set<String>> unitsBySource, Map<String, Boolean> answers) {
    }

    /**
     * The state a completion from {@code sourceSystem} for an employee of {@code unitCode} is recorded in:
     * AUTO_VERIFIED when that unit or one above it trusts the source, else SUBMITTED. Call it in the recording
     * transaction: the table is read in it when the kept copy is stale.
     */
    @Override
    public VerificationState initialState(String unitCode, String sourceSystem) {
        Snapshot current = current();
        Set<String> trusting = current.unitsBySource().get(sourceSystem);
        if (unitCode == null || trusting == null) {
            return VerificationState.SUBMITTED;
        }
        boolean trusted = current.answers().computeIfAbsent(unitCode + "\n" + sourceSystem,
                key -> tree.isWithin(unitCode, trusting));
        return trusted ? VerificationState.AUTO_VERIFIED : VerificationState.SUBMITTED;
    }

    /** Drops the kept table once a change of it has committed, so that the next record reads the new one. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(TTL).isBefore(now)) {
            current = new Snapshot(now, repository.all().stream().collect(Collectors.groupingBy(
                    (TrustedSource t) -> t.sourceSystem, Collectors.mapping(t -> t.unitCode, Collectors.toSet()))),
                    new ConcurrentHashMap<>());
            snapshot = current;
        }
        return current;
    }
}
