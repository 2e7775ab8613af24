package org.jpledger.reporting.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jpledger.reporting.closing.SnapshotRater;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.ComplianceRepository.YearPolicies;
import org.jpledger.reporting.projection.ProjectionLock;

/**
 * Writes a closing as the closing service does (under the projection lock: the stored offsets, the year's policy texts,
 * rated as of 31 December, every row of the scope from {@link SnapshotRater}), for tests of what reads closings.
 */
final class TestClosings {

    private final EntityManager entityManager;
    private final SnapshotRater rater;
    private final ComplianceRepository compliance;
    private final ProjectionLock lock;
    private final ObjectMapper mapper;

    TestClosings(EntityManager entityManager, SnapshotRater rater, ComplianceRepository compliance,
            ProjectionLock lock, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.rater = rater;
        this.compliance = compliance;
        this.lock = lock;
        this.mapper = mapper;
    }

    /** Closes {@code year} for the subtree of {@code unitCode}; the new closing's id. */
    long close(int year, String unitCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            lock.takeAlone();
            YearPolicies policies = compliance.policiesOf(year);
            long id = ((Number) entityManager.createNativeQuery("""
                    INSERT INTO year_closing (year, unit_code, version, note, closed_at, closed_by, rated_on, policies,
                        governing, rule_versions, offsets, employee_rows, unit_rows, files, sha256)
                    SELECT :year, :unit, coalesce(max(c.version), 0) + 1, 'test', :closedAt, 'test-suite', :ratedOn,
                        :policies, :governing, '{}',
                        (SELECT coalesce(jsonb_object_agg(o.topic || '-' || o.partition, o.next_offset), '{}')
                         FROM consumer_offset o),
                        0, 0, '[]', ''
                    FROM year_closing c WHERE c.year = :year AND c.unit_code = :unit
                    RETURNING id""")
                    .setParameter("year", year).setParameter("unit", unitCode)
                    .setParameter("closedAt", OffsetDateTime.now(ZoneOffset.UTC))
                    .setParameter("ratedOn", LocalDate.of(year, 12, 31))
                    .setParameter("policies", policies.policies()).setParameter("governing", policies.governing())
                    .getSingleResult()).longValue();
            rater.rate(year, unitCode, LocalDate.of(year, 12, 31), policies.policies(), policies.governing(), row -> {
                if (row instanceof SnapshotRater.EmployeeRow employee) {
                    JsonNode answer = mapper.valueToTree(employee.answer());
                    entityManager.createNativeQuery("""
                            INSERT INTO closing_employee (closing_id, nip, unit_code, name, status, total_jp, answer)
                            VALUES (:id, :nip, :unit, :name, :status, cast(:totalJp AS numeric), cast(:answer AS jsonb))""")
                            .setParameter("id", id).setParameter("nip", employee.nip())
                            .setParameter("unit", employee.unitCode()).setParameter("name", answer.path("name").asText())
                            .setParameter("status", answer.path("status").asText())
                            .setParameter("totalJp", answer.path("totalJp").asText())
                            .setParameter("answer", answer.toString()).executeUpdate();
                } else if (row instanceof SnapshotRater.UnitSnapshotRow unit) {
                    entityManager.createNativeQuery("""
                            INSERT INTO closing_unit (closing_id, unit_code, parent_code, name, answer)
                            VALUES (:id, :unit, :parent, :name, cast(:answer AS jsonb))""")
                            .setParameter("id", id).setParameter("unit", unit.unitCode())
                            .setParameter("parent", unit.parentCode()).setParameter("name", unit.name())
                            .setParameter("answer", mapper.valueToTree(unit.answer()).toString()).executeUpdate();
                }
            });
            return id;
        });
    }
}
