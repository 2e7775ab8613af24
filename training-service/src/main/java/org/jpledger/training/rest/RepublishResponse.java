package org.jpledger.training.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many current states a republish emitted. */
@Schema(name = "RepublishResult", description = "Events emitted by a republish, one per aggregate.")
public record RepublishResponse(long units, long employees, long completions) {
}
