package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;

/** One training completion of one employee, with the JP it is recognised for; amended as new versions, ended by a void. */
@Entity
@Table(name = "completion")
public class Completion {

    @Id
    public UUID id;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String nip;

    @Column(nullable = false)
    public String title;

    @Column(name = "kind_id", nullable = false)
    public int kindId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrainingMethod method;

    @Enumerated(EnumType.STRING)
    @Column(name = "competency_type", nullable = false)
    public CompetencyType competencyType;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false)
    public DeliveryMode deliveryMode;

    @Column(nullable = false)
    public String provider;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "training_year", nullable = false)
    public int year;

    public BigDecimal jp;

    public Integer days;

    @Column(nullable = false)
    public boolean international;

    @Column(name = "recognized_jp", nullable = false)
    public BigDecimal recognizedJp;

    @Column(name = "certificate_number")
    public String certificateNumber;

    @Column(name = "source_system", nullable = false)
    public String sourceSystem;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CompletionStatus status = CompletionStatus.ACTIVE;

    @Column(name = "void_reason")
    public String voidReason;

    /** The recognition rule table version that computed {@link #recognizedJp}. */
    @Column(name = "rule_version", nullable = false)
    public int ruleVersion;

    /** CompletionFlag names: what is implausible about this version (it still counts); empty for none. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] flags = {};

    /** Whether the claim was checked; see {@link VerificationState}. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerificationState verification = VerificationState.SUBMITTED;

    /** Who recorded version 1 (token subject, or the source system of a batch or xAPI record): never its verifier. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** Who decided the current verification state, and when; null while SUBMITTED or AUTO_VERIFIED. */
    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    /** A refusal's RejectionReason name and the verifier's text; null unless REJECTED. */
    @Column(name = "rejection_code")
    public String rejectionCode;

    @Column(name = "rejection_note")
    public String rejectionNote;

    /** The completion this one was voided as a duplicate of; null otherwise. */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    /** The client's {@code Idempotency-Key}, when it sent one. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /**
     * Recording order, filled by the database; the listing's stable sort key. Not read back after an insert (that would
     * cost a query per record): it is null on a completion recorded in the current transaction.
     */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
