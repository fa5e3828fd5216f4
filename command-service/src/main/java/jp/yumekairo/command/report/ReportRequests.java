package jp.yumekairo.command.report;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.yumekairo.command.web.Ids;
import jp.yumekairo.events.Sector;

/** The JSON bodies of the report endpoints; their field names are the API's contract. */
final class ReportRequests {

    private ReportRequests() {
    }

    /** Why the report is (re)submitted or published; needed when resubmitting after a publication. */
    record ReasonRequest(@Size(max = 1000) String reason) {
    }

    record CommentRequest(
            @NotBlank @Size(max = 4000) String text,
            Sector sector,
            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String projectId,
            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String kpiId) {

        @AssertTrue(message = "a comment on a KPI also names its project (projectId)")
        boolean isKpiOfAProject() {
            return kpiId == null || projectId != null;
        }
    }

    record AnswerRequest(@NotBlank @Size(max = 4000) String text) {
    }
}
