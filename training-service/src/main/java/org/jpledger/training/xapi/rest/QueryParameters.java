package org.jpledger.training.xapi.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpledger.support.problem.InvalidRequestException;

/** The query parameters of a small xAPI resource: each known one at most once, any other refused (400). */
final class QueryParameters {

    private QueryParameters() {
    }

    /** The parameters of {@code uri}, each given once and named in {@code known}; 400 naming the first that is not. */
    static Map<String, String> of(UriInfo uri, Set<String> known) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw InvalidRequestException.of(parameter.getKey(), "is not a parameter of this resource");
            }
            if (parameter.getValue().size() != 1) {
                throw InvalidRequestException.of(parameter.getKey(), "give it once");
            }
            given.put(parameter.getKey(), parameter.getValue().get(0));
        }
        return given;
    }
}
