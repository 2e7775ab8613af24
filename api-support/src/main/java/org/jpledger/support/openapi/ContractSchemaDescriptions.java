package org.jpledger.support.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Describes the OpenAPI schemas of the api-contracts types, which stay free of framework annotations, so that every
 * field of the API is documented.
 */
public class ContractSchemaDescriptions implements OASFilter {

    private static final Map<String, String> SCHEMAS = Map.of(
            "Problem", "RFC 9457 problem details: why a request was refused or failed.",
            "FieldError", "One refused input field and the reason.",
            "UnitAssignment", "A unit the employee belonged to, from a date on.");

    private static final Map<String, Map<String, String>> PROPERTIES = Map.of(
            "Problem", Map.of(
                    "type", "URI identifying the kind of problem",
                    "title", "Short summary of the kind of problem",
                    "status", "The HTTP status code",
                    "detail", "What went wrong with this request",
                    "instance", "URI of this occurrence, when known",
                    "errors", "The refused fields, each with its reason"),
            "FieldError", Map.of(
                    "field", "JSON path, parameter, header or CSV column of the refused input",
                    "reason", "Why it was refused"),
            "UnitAssignment", Map.of(
                    "unitCode", "Code of the unit",
                    "effectiveFrom", "First day in this unit"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        SCHEMAS.forEach((name, description) -> {
            Schema schema = schemas.get(name);
            if (schema != null) {
                schema.setDescription(description);
                PROPERTIES.get(name).forEach((property, text) -> {
                    Schema definition = schema.getProperties() == null ? null : schema.getProperties().get(property);
                    if (definition != null) {
                        definition.setDescription(text);
                    }
                });
            }
        });
    }
}
