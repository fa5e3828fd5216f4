package jp.yumekairo.query.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetsTest {

    @Test
    void textThatExcelWouldRunIsPrefixedWithAnApostrophe() {
        for (String formula : new String[] {"=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1", "\n=1",
                " =HYPERLINK(\"x\")", "\u3000=1", "＝１＋１", "＋1", "－1", "＠x", "  \n=1"}) {
            assertThat(Spreadsheets.csvText(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void ordinaryTextIsLeftAsWritten() {
        for (String text : new String[] {"MICE誘致件数", "▲339", "1,000", " 湯田温泉", "", "a=b"}) {
            assertThat(Spreadsheets.csvText(text)).as(text).isEqualTo(text);
        }
        assertThat(Spreadsheets.csvText(null)).isEmpty();
    }
}
