package org.jpledger.training.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: counts and one result per item in input order. */
@Schema(name = "BatchResponse", description = "Counts, and one result per item in input order.")
public record BatchResponse(int created, int existing, int failed, List<BatchItemResult> items) {
}
