package org.jpledger.training.verification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.verification.domain.TrustedSource;
import org.jpledger.training.verification.domain.TrustedSourceRepository;

/**
 * Configures which source systems each unit subtree trusts. A change applies to completions recorded after it: the
 * verification state of completions already recorded stays as it is (no completion is re-verified or un-verified).
 */
@ApplicationScoped
public class TrustedSourceService {

    static final String NO_UNIT = "No unit with this code.";
    static final String OUTSIDE = "The unit is outside the units your token names.";

    private final TrustedSourceRepository repository;
    private final UnitRepository units;
    private final Caller caller;
    private final UnitAccess access;
    private final Clock clock;
    private final Event<TrustedSources.Changed> changes;

    public TrustedSourceService(TrustedSourceRepository repository, UnitRepository units, Caller caller,
            UnitAccess access, Clock clock, Event<TrustedSources.Changed> changes) {
        this.repository = repository;
        this.units = units;
        this.caller = caller;
        this.access = access;
        this.clock = clock;
        this.changes = changes;
    }

    /** One unit's trusted source systems, sorted. */
    public record UnitTrust(String unitCode, List<String> sourceSystems) {
    }

    /** A replacement of one unit's list: what it was and what it is. */
    public record Replaced(List<String> before, UnitTrust after) {
    }

    /** Every unit that trusts some source, by unit code. */
    @Transactional
    public List<UnitTrust> list() {
        Map<String, List<String>> byUnit = new TreeMap<>();
        repository.all().forEach(t -> byUnit.computeIfAbsent(t.unitCode, code -> new ArrayList<>())
                .add(t.sourceSystem));
        return byUnit.entrySet().stream().map(e -> new UnitTrust(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /**
     * Replaces {@code unitCode}'s trusted sources by {@code sourceSystems} (distinct, checked by the caller); an entry
     * kept keeps who added it and when. A unit outside the units a token names is a 403, known or not; an
     * unknown unit otherwise a 404.
     */
    @Transactional
    public Replaced replace(String unitCode, List<String> sourceSystems) {
        // National, like every admin call, unless the token names units: then it is held to them, and a unit outside
        // is refused known or unknown.
        UnitScope scope = caller.scope().isNone() ? UnitScope.ALL : caller.scope();
        if (!access.covers(scope, unitCode)) {
            throw new OutOfScopeException(OUTSIDE);
        }
        // Locking the unit serialises concurrent replacements of its list.
        units.findForUpdate(unitCode).orElseThrow(() -> new ResourceNotFoundException(NO_UNIT));
        List<TrustedSource> current = repository.ofUnit(unitCode);
        List<String> before = current.stream().map(t -> t.sourceSystem).toList();
        current.stream().filter(t -> !sourceSystems.contains(t.sourceSystem)).forEach(repository::delete);
        Instant now = clock.instant();
        for (String system : sourceSystems) {
            if (!before.contains(system)) {
                TrustedSource entry = new TrustedSource();
                entry.unitCode = unitCode;
                entry.sourceSystem = system;
                entry.createdBy = caller.subject();
                entry.createdAt = now;
                repository.persist(entry);
            }
        }
        changes.fire(new TrustedSources.Changed(unitCode));
        return new Replaced(before, new UnitTrust(unitCode, sourceSystems.stream().sorted().toList()));
    }

    /** Removes every trusted source of {@code unitCode}; answers what it trusted. An unknown unit is a 404. */
    @Transactional
    public List<String> clear(String unitCode) {
        return replace(unitCode, List.of()).before();
    }
}
