package org.jpledger.support.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jpledger.contracts.problem.Problem;

/**
 * Completes the generated OpenAPI document: gives every 4xx and 5xx answer its problem+json body (resources declare only
 * why they answer so), describes the schemas of the api-contracts types, which stay free of framework annotations, and
 * the 401 and 403 answers that security adds to every endpoint, so that every field and every answer is documented.
 */
public class ApiDocsFilter implements OASFilter {

    private static final Map<String, String> ACCESS_ANSWERS = Map.of(
            "401", "No bearer token, or one that has expired, is not signed by the trusted issuer or is not meant for "
                    + "this service",
            "403", "The token's roles do not allow this call, or (for a write) the employee or unit is outside the "
                    + "units the token names");

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
        describeErrorAnswers(openAPI);
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        // Defined here rather than by a resource's reference: every error answer names them, no annotation does.
        openAPI.getComponents().addSchema("Problem", RecordSchemas.of(Problem.class));
        openAPI.getComponents().addSchema("FieldError", RecordSchemas.of(Problem.FieldError.class));
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

    /**
     * Gives every 4xx and 5xx answer its problem+json body, so that resources state only why they answer so, and the
     * 401 and 403 answers security adds their reasons.
     */
    private static void describeErrorAnswers(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if (response.getRef() != null || !isError(code)) {
                        return;
                    }
                    String description = ACCESS_ANSWERS.get(code);
                    if (description != null) {
                        response.setDescription(description);
                    }
                    if (response.getContent() == null || response.getContent().getMediaTypes() == null
                            || response.getContent().getMediaTypes().isEmpty()) {
                        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .ref("#/components/schemas/Problem"))));
                    }
                });
            }
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }
}
