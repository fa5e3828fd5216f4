package jp.yumekairo.query.project;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.PathValues;
import jp.yumekairo.query.web.QueryRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's input sheet of a fiscal year (see {@link InputSheet}), for the member's editor only; {@code
 * costs=thousand-yen} writes the costs in 千円.
 */
@RestController
class InputSheetController {

    private final InputSheet sheet;

    InputSheetController(InputSheet sheet) {
        this.sheet = sheet;
    }

    @GetMapping("/api/municipalities/{code}/input-sheets/{fiscalYear}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @PathVariable int fiscalYear,
                                @RequestParam(required = false) String costs, @AuthenticationPrincipal Jwt token) {
        MunicipalityCode member = PathValues.member(code);
        FiscalYear year = PathValues.fiscalYear(fiscalYear);
        if (token == null || !"EDITOR".equals(token.getClaimAsString("role"))
                || !member.code().equals(token.getClaimAsString("municipality"))) {
            throw new QueryRefused(HttpStatus.FORBIDDEN, "not-permitted",
                    "only the member's editor downloads its input sheet");
        }
        return sheet.download(member, year, InputSheet.thousandYen(costs));
    }
}
