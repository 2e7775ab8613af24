package org.jpledger.training.xapi.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jpledger.training.xapi.rules.DocumentKey;

/** One xAPI document (a State, an Activity Profile or an Agent Profile) of one system, under its key. */
@Entity
@Table(name = "xapi_document")
public class XapiDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The owner: basic:&lt;name&gt; or bearer:&lt;subject&gt;, as a statement's sender. */
    @Column(nullable = false)
    public String system;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentKey.Kind kind;

    @Column(name = "activity_id", nullable = false)
    public String activityId;

    @Column(nullable = false)
    public String agent;

    @Column(nullable = false)
    public String registration;

    @Column(name = "document_id", nullable = false)
    public String documentId;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public byte[] content;

    @Column(nullable = false)
    public String etag;

    @Column(nullable = false)
    public Instant updated;
}
