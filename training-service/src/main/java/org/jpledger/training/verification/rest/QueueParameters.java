package org.jpledger.training.verification.rest;

import java.util.Arrays;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.TrainingKinds;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.paging.PageSize;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.training.verification.service.VerificationQueue;

/**
 * Turns the queue's query parameters into its filter, naming every bad value as a field error at once; the framework
 * would answer an unconvertible query parameter with a bare 404.
 */
final class QueueParameters {

    /** The queue's page: a verifier reads one item at a time, so pages stay small. */
    static final PageSize PAGE = new PageSize(50, 100);

    /**
     * The shape of a unit code, as the core API checks it (org.jpledger.training.rest.UnitCodes): kept here so that the
     * verification tree does not reach into the core's rest package.
     */
    static final String UNIT_CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** The shape of a sourceSystem: at most 64 printable characters, as a completion's is. */
    private static final String SOURCE_SYSTEM = "[\\p{Graph} ]{1,64}";

    private QueueParameters() {
    }

    static VerificationQueue.Filter filter(String unitCode, String kindId, String sourceSystem, String flag,
            String limit, String cursor) {
        FieldErrors errors = new FieldErrors();
        String unit = unitCode(unitCode, errors);
        Integer kind = null;
        if (present(kindId)) {
            if (kindId.matches("[0-9]{1,2}") && TrainingKinds.byId(Integer.parseInt(kindId)).isPresent()) {
                kind = Integer.parseInt(kindId);
            } else {
                errors.add("kindId", "must be a national training kind id (1-" + TrainingKinds.all().size() + ")");
            }
        }
        String source = null;
        if (present(sourceSystem)) {
            if (sourceSystem.matches(SOURCE_SYSTEM)) {
                source = sourceSystem;
            } else {
                errors.add("sourceSystem", "must be 1-64 printable characters");
            }
        }
        CompletionFlag completionFlag = null;
        if (present(flag)) {
            try {
                completionFlag = CompletionFlag.valueOf(flag);
            } catch (IllegalArgumentException e) {
                errors.add("flag", "must be one of " + Arrays.toString(CompletionFlag.values()));
            }
        }
        PageParameters page = new PageParameters(limit, cursor);
        int size = page.limit(PAGE, errors);
        errors.throwIfAny();
        return new VerificationQueue.Filter(unit, kind, source, completionFlag, size, page.cursor());
    }

    /** A unit code filter; absent when blank; a value that cannot be a unit code is a field error. */
    static String unitCode(String value, FieldErrors errors) {
        if (!present(value)) {
            return null;
        }
        if (!value.matches(UNIT_CODE)) {
            errors.add("unitCode", "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return value;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
