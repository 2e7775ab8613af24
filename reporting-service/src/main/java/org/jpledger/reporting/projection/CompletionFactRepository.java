package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.VerificationState;

/** Projected completion facts by completion id. */
@ApplicationScoped
public class CompletionFactRepository implements PanacheRepositoryBase<CompletionFact, UUID> {

    /** The stored facts among {@code ids}, in one query. */
    public List<CompletionFact> byId(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("completionId in ?1", ids);
    }

    /**
     * The sums of each employee's active facts (voided and rejected ones never count) by NIP and year, as written to
     * the database: the caller flushes the session first (once for a whole batch, rather than this query each time).
     */
    public Map<String, Map<Integer, YearSums>> yearSums(Collection<String> nips) {
        Map<String, Map<Integer, YearSums>> sums = new HashMap<>();
        if (nips.isEmpty()) {
            return sums;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT nip, year, count(*),
                       coalesce(sum(recognized_jp), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE competency_type = 'TEKNIS'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE competency_type = 'MANAJERIAL'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE competency_type = 'SOSIAL_KULTURAL'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE method = 'KLASIKAL'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE method = 'NONKLASIKAL'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE delivery_mode = 'LURING'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE delivery_mode = 'DARING'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE delivery_mode = 'BLENDED'), 0),
                       max(end_date),
                       coalesce(sum(recognized_jp) FILTER (WHERE verification = 'VERIFIED'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE verification = 'AUTO_VERIFIED'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE 'POSSIBLE_DUPLICATE' = ANY (flags)), 0)
                FROM completion_fact WHERE nip IN (?1) AND status = 'ACTIVE' AND verification <> 'REJECTED'
                GROUP BY nip, year""")
                .setParameter(1, nips).setFlushMode(FlushModeType.COMMIT).getResultList();
        for (Object[] r : rows) {
            YearSums year = new YearSums(((Number) r[1]).intValue(), ((Number) r[2]).intValue(), jp(r[3]), jp(r[4]),
                    jp(r[5]), jp(r[6]), jp(r[7]), jp(r[8]), jp(r[9]), jp(r[10]), jp(r[11]),
                    r[12] == null ? null : toLocalDate(r[12]), jp(r[13]), jp(r[14]), jp(r[15]));
            sums.computeIfAbsent((String) r[0], nip -> new HashMap<>()).put(year.year(), year);
        }
        return sums;
    }

    private static BigDecimal jp(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    private static java.time.LocalDate toLocalDate(Object value) {
        return value instanceof java.time.LocalDate date ? date : ((Date) value).toLocalDate();
    }

    /** End date, JP and verification state of one active completion, for sums over a contract year. */
    public record Ending(LocalDate endDate, BigDecimal jp, VerificationState verification) {
    }

    /** The active completions not rejected of each of {@code nips} with an end date, as flushed. */
    public Map<String, List<Ending>> activeEndings(Collection<String> nips) {
        Map<String, List<Ending>> endings = new HashMap<>();
        if (nips.isEmpty()) {
            return endings;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT nip, end_date, recognized_jp, verification FROM completion_fact
                WHERE nip IN (?1) AND status = 'ACTIVE' AND verification <> 'REJECTED' AND end_date IS NOT NULL""")
                .setParameter(1, nips).setFlushMode(FlushModeType.COMMIT).getResultList();
        for (Object[] r : rows) {
            endings.computeIfAbsent((String) r[0], nip -> new ArrayList<>())
                    .add(new Ending(toLocalDate(r[1]), jp(r[2]), VerificationState.valueOf((String) r[3])));
        }
        return endings;
    }

    /** JP of the {@code endings} within {@code contract} in {@code state} (any when null), 0 without any. */
    public static BigDecimal jpWithin(List<Ending> endings, ContractYear contract, VerificationState state) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Ending ending : endings) {
            if ((state == null || ending.verification() == state) && !ending.endDate().isBefore(contract.from())
                    && !ending.endDate().isAfter(contract.until())) {
                sum = sum.add(ending.jp());
            }
        }
        return sum;
    }

}
