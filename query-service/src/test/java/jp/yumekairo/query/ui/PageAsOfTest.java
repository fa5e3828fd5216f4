package jp.yumekairo.query.ui;

import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageAsOfTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "令和6年9月30日 15:00         | 2024-09-30T06:00:00Z",
            "令和6年9月30日 15:00:30      | 2024-09-30T06:00:30Z",
            "令和６年９月３０日　１５:００ | 2024-09-30T06:00:00Z",
            "R6.9.30 15:00               | 2024-09-30T06:00:00Z",
            "2024-09-30 15:00            | 2024-09-30T06:00:00Z",
            "2024/09/30 15:00:00         | 2024-09-30T06:00:00Z",
            "2024-09-30T15:00            | 2024-09-30T06:00:00Z",
            "2024-09-30T06:00:00Z        | 2024-09-30T06:00:00Z",
            "令和元年5月1日 00:00         | 2019-04-30T15:00:00Z",
            "平成31年4月30日 23:59:59     | 2019-04-30T14:59:59Z",
    })
    void aMomentAsPeopleWriteIt_isReadInJapansTime(String typed, String instant) {
        assertThat(PageAsOf.parse(typed)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"令和6年9月30日", "R6.9.30", "2024-09-30", "2024/9/30"})
    void aDayAlone_meansTheEndOfThatDay(String typed) {
        assertThat(PageAsOf.parse(typed)).isEqualTo(Instant.parse("2024-09-30T14:59:59.999999Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yesterday", "令和6年2月30日", "2024-13-01", "令和6年9月30日 25:00", "R99.1.1 10:00x", "abc"})
    void anUnreadableMoment_isRefused_neverReadAsNow(String typed) {
        assertThatThrownBy(() -> PageAsOf.parse(typed)).isInstanceOf(QueryRefused.class)
                .extracting(refused -> ((QueryRefused) refused).code()).isEqualTo("invalid-as-of");
    }

    @org.junit.jupiter.api.Test
    void theFieldShowsTheMomentToTheSecond_asTheBannerDoes() {
        Instant at = Instant.parse("2024-09-30T06:00:30Z");
        assertThat(PageAsOf.fieldValue(at, false)).isEqualTo("令和6年9月30日 15:00:30");
        assertThat(PageAsOf.fieldValue(at, true)).isEqualTo("2024/09/30 15:00:30");
        assertThat(PageAsOf.fieldValue(AsOf.LATEST, false)).isEmpty();
        assertThat(PageAsOf.parse(PageAsOf.fieldValue(at, false))).isEqualTo(at);
        assertThat(PageAsOf.parse(PageAsOf.linkValue(at))).isEqualTo(at);
    }
}
