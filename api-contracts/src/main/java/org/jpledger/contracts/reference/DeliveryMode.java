package org.jpledger.contracts.reference;

/** How a training was delivered: in person, online, or both at once. */
public enum DeliveryMode {
    LURING,
    DARING,
    BLENDED
}
