package org.jpledger.training.xapi.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One system's canonical definition of one activity, as the Activities Resource answers it. */
@Entity
@Table(name = "xapi_activity")
public class XapiActivity {

    /** Hex SHA-256 of the system and the activity id ({@link XapiActivityRepository#key}). */
    @Id
    public String id;

    /** The sender whose statements gave the definition, as {@link XapiStatement#system}. */
    @Column(nullable = false)
    public String system;

    @Column(name = "activity_id", nullable = false)
    public String activityId;

    /** The Activity Definition object. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String definition;

    /** The stored time of the statement that last changed it. */
    @Column(nullable = false)
    public Instant updated;
}
