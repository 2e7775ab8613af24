package org.jpledger.reporting.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;

/**
 * One training completion as of the newest version applied (recorded, amended or voided); a voided one is kept,
 * uncounted, so that older versions arriving late stay ignored.
 */
@Entity
@Table(name = "completion_fact")
public class CompletionFact {

    @Id
    @Column(name = "completion_id")
    public UUID completionId;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String nip;

    @Column(nullable = false)
    public int year;

    @Column(name = "recognized_jp", nullable = false)
    public BigDecimal recognizedJp;

    @Column(name = "kind_id", nullable = false)
    public int kindId;

    @Enumerated(EnumType.STRING)
    public TrainingMethod method;

    @Enumerated(EnumType.STRING)
    @Column(name = "competency_type")
    public CompetencyType competencyType;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode")
    public DeliveryMode deliveryMode;

    public String title;

    public String provider;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /**
     * The JP stated (on the certificate); null when the kind is counted by days, and in rows stored before V18 (a
     * rebuild fills it).
     */
    public BigDecimal jp;

    /** The days stated when the kind is counted by days; null otherwise and in rows stored before V18. */
    public Integer days;

    @Column(nullable = false)
    public boolean international;

    @Column(name = "source_system")
    public String sourceSystem;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "certificate_number")
    public String certificateNumber;

    /** Only ACTIVE facts not REJECTED count in {@link EmployeeYear}. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompletionStatus status;

    /** The recognition rule table version behind {@code recognizedJp}; null in events that predate rule versions. */
    @Column(name = "rule_version")
    public Integer ruleVersion;

    @Column(name = "void_reason")
    public String voidReason;

    /** Whether the claim was checked; the year's counting policy decides which states count (V20). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerificationState verification = VerificationState.SUBMITTED;

    /** What a verifier should look at (a possible duplicate, implausible JP per day); null without any (V20). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "flags")
    public List<String> flags;

    /** The completion this one was voided as a duplicate of; null otherwise (V20). */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    /** Whether the fact carries {@code flag}. */
    public boolean flagged(CompletionFlag flag) {
        return flags != null && flags.contains(flag.name());
    }
}
