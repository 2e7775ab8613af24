package org.jpledger.reporting.projection;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The national compliance policy of one training year, as last stored through the policy API. */
@Entity
@Table(name = "policy")
public class Policy extends PolicyFields {

    @Id
    public int year;
}
