package org.jpledger.reporting.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jpledger.support.paging.PageSize;

/**
 * The page size of an employee list is one a listing takes, checked with the list's other parameters so that every bad
 * one is named at once; a class-level constraint because a constrained getter would be validated again when called.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ListingPageSize.Check.class)
public @interface ListingPageSize {

    String message() default PageSize.LISTING_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Names the refused size as the {@code limit} parameter. */
    class Check implements ConstraintValidator<ListingPageSize, EmployeeListParams> {

        @Override
        public boolean isValid(EmployeeListParams list, ConstraintValidatorContext context) {
            if (list == null || list.page == null || list.page.fits(PageSize.LISTING)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(PageSize.LISTING_RULE).addPropertyNode("limit")
                    .addConstraintViolation();
            return false;
        }
    }
}
