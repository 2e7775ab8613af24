package org.jpledger.training.service;

import static org.jpledger.training.service.CompletionVersions.NOT_FOUND;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jpledger.support.paging.Cursor;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionHistoryRepository;
import org.jpledger.training.domain.CompletionQuery;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.domain.Nip;

/**
 * Reads completions: one at its current version, its history, or a page of a listing. Only completions of employees
 * currently in the caller's units are seen; one outside is answered as unknown (404).
 */
@ApplicationScoped
public class CompletionQueries {

    /** The kind of the listing's cursors: "seq", as cursors given out before the shared codec read. */
    public static final String CURSOR = "seq";

    private final CompletionRepository completions;
    private final CompletionHistoryRepository history;
    private final CompletionVersions versions;
    private final ObjectMapper mapper;
    private final UnitAccess access;

    public CompletionQueries(CompletionRepository completions, CompletionHistoryRepository history,
            CompletionVersions versions, ObjectMapper mapper, UnitAccess access) {
        this.completions = completions;
        this.history = history;
        this.versions = versions;
        this.mapper = mapper;
        this.access = access;
    }

    @Transactional
    public CompletionSnapshot get(UUID id) {
        return CompletionSnapshot.of(find(id, access.scope()));
    }

    /** Every version of a completion, oldest first. */
    @Transactional
    public List<CompletionVersion> history(UUID id) {
        find(id, access.scope());
        var reader = mapper.readerFor(CompletionSnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return history.versionsOf(id).stream().map(entry -> {
            try {
                return new CompletionVersion(entry.version, entry.change, entry.changedAt, entry.changedBy,
                        reader.<CompletionSnapshot>readValue(entry.state), entry.recognition);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("history of " + id + " version " + entry.version + " is unreadable", e);
            }
        }).toList();
    }

    /** One page of completions in recording order, of employees currently in the caller's units only. */
    @Transactional
    public Page<CompletionSnapshot> list(CompletionQuery query) {
        if (query.nip() != null && !Nip.hasValidShape(query.nip())) {
            throw InvalidRequestException.of("nip", "must be exactly 18 digits");
        }
        UnitScope scope = access.scope();
        if (query.unitCode() != null && !access.covers(scope, query.unitCode())) {
            return new Page<>(List.of(), null);
        }
        List<Completion> rows = completions.page(new CompletionQuery(query.nip(), query.unitCode(), query.from(),
                query.to(), query.status(), query.flag(), query.verification(), query.limit() + 1, query.afterSeq()), scope.isAll() ? null : scope.roots());
        boolean more = rows.size() > query.limit();
        List<Completion> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? Cursor.after(CURSOR, page.get(page.size() - 1).seq) : null;
        return new Page<>(page.stream().map(CompletionSnapshot::of).toList(), next);
    }

    /** The completion, if its employee is in {@code scope}; one outside is answered exactly like an unknown id. */
    private Completion find(UUID id, UnitScope scope) {
        Completion c = completions.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        if (!scope.isAll() && !access.covers(scope, versions.unitOf(c))) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        return c;
    }
}
