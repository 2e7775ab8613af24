package org.jpledger.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PageParametersTest {

    @Test
    void takesTheListingsStandardSizeWhenNoneIsAskedFor() {
        assertThat(new PageParameters(null, null).limit(PageSize.LISTING)).isEqualTo(50);
        assertThat(new PageParameters("", null).limit(PageSize.AUDIT_LOG)).isEqualTo(100);
    }

    @Test
    void takesAnySizeWithinTheListingsBounds() {
        assertThat(new PageParameters("1", null).limit(PageSize.LISTING)).isEqualTo(1);
        assertThat(new PageParameters(" 500 ", null).limit(PageSize.LISTING)).isEqualTo(500);
        assertThat(new PageParameters("1000", null).limit(PageSize.AUDIT_LOG)).isEqualTo(1000);
    }

    @Test
    void refusesEverySizeThatIsNotOneWithTheSameReason() {
        for (String limit : List.of("0", "501", "-5", "1.5", "ten", "99999999999", "+3", "0x10")) {
            assertThatThrownBy(() -> new PageParameters(limit, null).limit(PageSize.LISTING))
                    .as(limit).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.errors()).hasSize(1);
                        assertThat(e.errors().get(0).field()).isEqualTo("limit");
                        assertThat(e.errors().get(0).reason()).isEqualTo("must be a whole number from 1 to 500");
                    });
        }
    }

    @Test
    void collectsARefusedSizeAndCursorTogether() {
        FieldErrors errors = new FieldErrors();
        PageParameters page = new PageParameters("1001", "nonsense");
        assertThat(page.limit(PageSize.AUDIT_LOG, errors)).isEqualTo(100);
        assertThat(page.position("audit", errors)).isNull();
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("limit", "cursor"));
    }

    @Test
    void tellsWhetherASizeFitsForListingsCheckedAsABean() {
        assertThat(new PageParameters("500", null).fits(PageSize.LISTING)).isTrue();
        assertThat(new PageParameters(null, null).fits(PageSize.LISTING)).isTrue();
        assertThat(new PageParameters("501", null).fits(PageSize.LISTING)).isFalse();
        assertThat(PageSize.LISTING_RULE).isEqualTo(PageSize.LISTING.rule());
    }

    @Test
    void continuesAfterThePositionOfItsCursor() {
        assertThat(new PageParameters(null, Cursor.after("id", 9)).position("id")).isEqualTo(9L);
        assertThat(new PageParameters(null, " ").cursor()).isNull();
    }
}
