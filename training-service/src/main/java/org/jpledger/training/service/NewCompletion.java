package org.jpledger.training.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;

/**
 * The command to record (or amend to) one completion, whoever reports it: the API, a batch or CSV row, an xAPI
 * statement. Its constraints are checked by bean validation wherever the command is built from outside input.
 */
public record NewCompletion(
        @NotBlank String nip,
        @NotBlank @Size(max = 300) String title,
        @NotNull @Min(1) @Max(25) Integer kindId,
        @NotNull CompetencyType competencyType,
        @NotNull DeliveryMode deliveryMode,
        @NotBlank @Size(max = 200) String provider,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal jp,
        @Min(1) @Max(366) Integer days,
        Boolean international,
        @Size(max = 100) String certificateNumber,
        @NotBlank @Size(max = 64) String sourceSystem,
        @NotBlank @Size(max = 128) String externalId) {
}
