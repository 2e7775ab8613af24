package org.jpledger.training.xapi.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One xAPI statement as the Learning Record Store keeps it, with its filter columns and what it meant for completions. */
@Entity
@Table(name = "xapi_statement")
public class XapiStatement {

    /** What a statement meant for the completions. */
    public enum Outcome {
        /** Became (or repeated) a completion. */
        RECORDED,
        /** A completion verb, but not readable as a completion; {@link #reason} says why. */
        UNMAPPED,
        /** Another verb. */
        NOT_COMPLETION,
        /** Voids another statement. */
        VOIDING
    }

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public Instant stored;

    /** The statement as the store returns it ({@code format=exact}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String body;

    /** The sender, in its namespace: basic:<credential name> or bearer:<token subject> (see Caller#system). */
    @Column(nullable = false)
    public String system;

    /** Its verb first, then those of the statements it refers to. */
    @Column(nullable = false)
    public String[] verbs;

    @Column(nullable = false)
    public String[] registrations;

    @Column(nullable = false)
    public String[] agents;

    @Column(name = "related_agents", nullable = false)
    public String[] relatedAgents;

    @Column(nullable = false)
    public String[] activities;

    @Column(name = "related_activities", nullable = false)
    public String[] relatedActivities;

    public UUID voids;

    @Column(name = "voided_by")
    public UUID voidedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "completion_id")
    public UUID completionId;

    public String reason;

    /** Sets the filter columns from {@code index}. */
    public void index(StatementIndex index) {
        verbs = index.verbs().toArray(String[]::new);
        registrations = index.registrations().toArray(String[]::new);
        agents = index.agents().toArray(String[]::new);
        relatedAgents = index.relatedAgents().toArray(String[]::new);
        activities = index.activities().toArray(String[]::new);
        relatedActivities = index.relatedActivities().toArray(String[]::new);
        voids = index.voids();
    }

    /** The filter columns as an index (what it refers to is not kept, only what it voids). */
    public StatementIndex index() {
        return new StatementIndex(List.of(verbs), List.of(registrations), List.of(agents), List.of(relatedAgents),
                List.of(activities), List.of(relatedActivities), null, voids);
    }
}
