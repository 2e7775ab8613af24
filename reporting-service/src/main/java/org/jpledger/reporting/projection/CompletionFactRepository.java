package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Projected completion facts by completion id. */
@ApplicationScoped
public class CompletionFactRepository implements PanacheRepositoryBase<CompletionFact, UUID> {

    /**
     * The sums of one employee's active facts (voided ones never count) by year, as written to the database: the caller
     * flushes the session first (once for a whole batch, rather than this query each time).
     */
    public Map<Integer, YearSums> yearSums(String nip) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT year, count(*),
                       coalesce(sum(recognized_jp), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE competency_type = 'TEKNIS'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE competency_type = 'MANAJERIAL'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE competency_type = 'SOSIAL_KULTURAL'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE method = 'KLASIKAL'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE method = 'NONKLASIKAL'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE delivery_mode = 'LURING'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE delivery_mode = 'DARING'), 0),
                       coalesce(sum(recognized_jp) FILTER (WHERE delivery_mode = 'BLENDED'), 0),
                       max(end_date)
                FROM completion_fact WHERE nip = ?1 AND status = 'ACTIVE' GROUP BY year""")
                .setParameter(1, nip).setFlushMode(FlushModeType.COMMIT).getResultList();
        return rows.stream().map(r -> new YearSums(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), jp(r[2]),
                        jp(r[3]), jp(r[4]), jp(r[5]), jp(r[6]), jp(r[7]), jp(r[8]), jp(r[9]), jp(r[10]),
                        r[11] == null ? null : toLocalDate(r[11])))
                .collect(Collectors.toMap(YearSums::year, Function.identity()));
    }

    private static BigDecimal jp(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    private static java.time.LocalDate toLocalDate(Object value) {
        return value instanceof java.time.LocalDate date ? date : ((Date) value).toLocalDate();
    }
}
