package org.jpledger.training.siasn.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jpledger.contracts.siasn.SiasnReference;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.training.siasn.domain.MatchRule;
import org.jpledger.training.siasn.domain.SubtreeLedger.Entry;

/**
 * The ledger's active completions of a subtree, indexed for matching SIASN records: by NIP and certificate number, and
 * by NIP. Each completion matches at most one record. Pure logic over what it is given.
 */
final class LedgerIndex {

    /** A ledger completion with its certificate JP as SIASN holds it (null when neither JP nor a day rate give one). */
    record Candidate(Entry entry, Integer jumlahJam) {
    }

    /** A completion a record matched, and by which rule. */
    record Match(Candidate candidate, MatchRule rule) {
    }

    private final Map<String, List<Candidate>> byCertificate = new HashMap<>();
    private final Map<String, List<Candidate>> byNip = new HashMap<>();
    private final List<Candidate> all = new ArrayList<>();
    private final java.util.Set<Candidate> matched = new java.util.HashSet<>();
    private final double threshold;

    LedgerIndex(Collection<Candidate> candidates, double threshold) {
        this.threshold = threshold;
        for (Candidate c : candidates) {
            all.add(c);
            byNip.computeIfAbsent(c.entry().nip(), nip -> new ArrayList<>(4)).add(c);
            if (c.entry().certificateNumber() != null && !c.entry().certificateNumber().isBlank()) {
                byCertificate.computeIfAbsent(certificateKey(c.entry().nip(), c.entry().certificateNumber()),
                        key -> new ArrayList<>(1)).add(c);
            }
        }
    }

    /**
     * The completion the record matches, taken so that no other record matches it: the first unmatched one of the same
     * NIP with the same certificate number; else of the same NIP, kind, start and end dates whose title is most alike,
     * at least the threshold (for the struktural shape a title naming the same latihan struktural also counts).
     */
    Optional<Match> match(SiasnRecord r) {
        if (r.certificateNumber() != null) {
            for (Candidate c : byCertificate.getOrDefault(certificateKey(r.nip(), r.certificateNumber()), List.of())) {
                if (matched.add(c)) {
                    return Optional.of(new Match(c, MatchRule.CERTIFICATE));
                }
            }
        }
        Candidate best = null;
        double bestScore = -1;
        for (Candidate c : byNip.getOrDefault(r.nip(), List.of())) {
            Entry e = c.entry();
            if (matched.contains(c) || e.kindId() != r.kindId() || !e.startDate().equals(r.startDate())
                    || !e.endDate().equals(r.endDate())) {
                continue;
            }
            double score = TitleSimilarity.of(e.title(), r.title());
            if (r.latihanStrukturalId() != null
                    && r.latihanStrukturalId().equals(SiasnReference.latihanStrukturalId(e.title()))) {
                score = Math.max(score, 1);
            }
            if (score >= threshold && score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        matched.add(best);
        return Optional.of(new Match(best, MatchRule.NIP_KIND_DATES_TITLE));
    }

    /** The completions of the shape that no record matched, in the order given. */
    List<Candidate> unmatched(SiasnShape shape) {
        return all.stream().filter(c -> !matched.contains(c) && SiasnShape.ofKind(c.entry().kindId()) == shape)
                .toList();
    }

    /** A certificate number as compared: without spaces, upper case, with its NIP. */
    private static String certificateKey(String nip, String certificate) {
        return nip + "|" + certificate.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
