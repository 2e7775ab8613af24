package org.jpledger.training.siasn.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.Problems;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.training.service.BatchResult;
import org.jpledger.training.service.CompletionBatchService;
import org.jpledger.training.siasn.domain.Finding;
import org.jpledger.training.siasn.domain.SiasnReconciliationItem;

/**
 * Takes SIASN-only records of a reconciliation into the ledger as completions (source system "siasn") through the
 * batch path, in batches of {@link CompletionBatchService#MAX_BATCH}: the same validation, scope and idempotency by
 * source system and external id as any batch item, so taking an item in twice records it once (the second time it is
 * existing). Each item taken in keeps the id of its completion.
 */
@ApplicationScoped
public class AdoptionService {

    private final ReconciliationService reconciliations;
    private final CompletionBatchService batches;
    private final ObjectMapper mapper;

    public AdoptionService(ReconciliationService reconciliations, CompletionBatchService batches, ObjectMapper mapper) {
        this.reconciliations = reconciliations;
        this.batches = batches;
        this.mapper = mapper;
    }

    public AdoptionResult adopt(UUID id, Adoption command) {
        boolean all = Boolean.TRUE.equals(command.all());
        List<Integer> numbers = command.items() == null ? List.of() : command.items();
        if (all == !numbers.isEmpty()) {
            throw InvalidRequestException.of("items", "name the items to take in, or give all: true (not both)");
        }
        if (numbers.size() > CompletionBatchService.MAX_BATCH) {
            throw InvalidRequestException.of("items", "names " + numbers.size() + " items; at most "
                    + CompletionBatchService.MAX_BATCH + " per call (or all: true)");
        }
        if (numbers.stream().anyMatch(Objects::isNull) || new HashSet<>(numbers).size() != numbers.size()) {
            throw InvalidRequestException.of("items", "must name each item once");
        }
        List<AdoptionResult.Item> results = new ArrayList<>();
        if (all) {
            int after = 0;
            while (true) {
                List<SiasnReconciliationItem> page = reconciliations.adoptable(id, after,
                        CompletionBatchService.MAX_BATCH);
                if (page.isEmpty()) {
                    break;
                }
                results.addAll(record(id, page));
                after = page.get(page.size() - 1).itemNo;
            }
        } else {
            Map<Integer, SiasnReconciliationItem> found = new HashMap<>();
            reconciliations.numbered(id, numbers).forEach(item -> found.put(item.itemNo, item));
            List<SiasnReconciliationItem> adoptable = new ArrayList<>();
            Map<Integer, AdoptionResult.Item> refused = new HashMap<>();
            for (int number : numbers) {
                SiasnReconciliationItem item = found.get(number);
                if (item == null) {
                    refused.put(number, failed(number, new ResourceNotFoundException("No item " + number
                            + " in this reconciliation.")));
                } else if (item.finding != Finding.SIASN_ONLY) {
                    refused.put(number, failed(number, new ConflictException("Item " + number + " is "
                            + item.finding + "; only SIASN-only records are taken in.")));
                } else {
                    adoptable.add(item);
                }
            }
            Map<Integer, AdoptionResult.Item> recorded = new HashMap<>();
            if (!adoptable.isEmpty()) {
                record(id, adoptable).forEach(r -> recorded.put(r.itemId(), r));
            }
            for (int number : numbers) {
                results.add(refused.containsKey(number) ? refused.get(number) : recorded.get(number));
            }
        }
        return new AdoptionResult(count(results, BatchResult.Status.CREATED),
                count(results, BatchResult.Status.EXISTING), count(results, BatchResult.Status.ERROR), results);
    }

    /** Records the items' commands as one batch and keeps on each item taken in its completion. */
    private List<AdoptionResult.Item> record(UUID id, List<SiasnReconciliationItem> items) {
        List<JsonNode> commands = new ArrayList<>(items.size());
        for (SiasnReconciliationItem item : items) {
            try {
                commands.add(mapper.readTree(item.command));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored completion command could not be read", e);
            }
        }
        BatchResult batch = batches.recordBatch(commands);
        List<AdoptionResult.Item> results = new ArrayList<>(items.size());
        Map<Integer, UUID> adopted = new HashMap<>();
        for (int k = 0; k < items.size(); k++) {
            BatchResult.Item outcome = batch.items().get(k);
            int number = items.get(k).itemNo;
            UUID completion = outcome.completion() == null ? null : outcome.completion().id();
            if (completion != null) {
                adopted.put(number, completion);
            }
            results.add(new AdoptionResult.Item(number, outcome.status(), completion, outcome.problem()));
        }
        if (!adopted.isEmpty()) {
            reconciliations.markAdopted(id, adopted);
        }
        return results;
    }

    private static AdoptionResult.Item failed(int number, RuntimeException e) {
        Problem problem = Problems.from(e);
        return new AdoptionResult.Item(number, BatchResult.Status.ERROR, null, problem);
    }

    private static int count(List<AdoptionResult.Item> items, BatchResult.Status status) {
        return (int) items.stream().filter(i -> i.status() == status).count();
    }
}
