package org.jpledger.reporting.rest;

import jakarta.ws.rs.BadRequestException;

/** A request parameter whose text cannot be converted to its type; names the parameter, unlike the JAX-RS default. */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
