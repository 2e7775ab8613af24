package org.jpledger.training.xapi.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The content of an xAPI attachment, kept once per SHA-2 however many statements name it. */
@Entity
@Table(name = "xapi_attachment")
public class XapiAttachment {

    /** Lower-case hex, as {@code sha2} in the statements. */
    @Id
    public String sha2;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public byte[] content;

    @Column(nullable = false)
    public Instant stored;
}
