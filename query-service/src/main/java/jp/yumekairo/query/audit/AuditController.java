package jp.yumekairo.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.yumekairo.query.audit.AuditLog.AuditEvent;
import jp.yumekairo.query.trace.Checkpoints;
import jp.yumekairo.query.trace.Checkpoints.Checkpoint;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/**
 * The auditor's view of the log itself (AUDITOR or ADMIN): the events, filtered and paged or streamed whole;
 * the events behind any figure; and the hash chain's verdict and checkpoints.
 */
@RestController
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    /** The events behind one figure, and the figure as it was asked for. */
    record Trace(TracedFigure figure, List<AuditEvent> events, Long next) {
    }

    /** The parameters that named the figure; those not given are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TracedFigure(String project, String kpi, Integer fiscalYear, String plan, String kgi, String member,
                        Integer year, String figure) {
    }

    /** The chain's head (null while nothing is chained) and every checkpoint in log order. */
    record CheckpointList(Checkpoint head, List<Checkpoint> checkpoints) {
    }

    private final AuditLog log;
    private final ChainVerification verification;
    private final Checkpoints checkpoints;

    AuditController(AuditLog log, ChainVerification verification, Checkpoints checkpoints) {
        this.log = log;
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    /** A page of the log in global order, filtered by member, project, KPI, person, fiscal year, type and time; keyset paged. */
    @GetMapping("/api/audit/events")
    AuditLog.Page events(@RequestParam(required = false) String municipality,
                         @RequestParam(required = false) String project,
                         @RequestParam(required = false) String kpi,
                         @RequestParam(required = false) String user,
                         @RequestParam(required = false) Integer fiscalYear,
                         @RequestParam(required = false) List<String> type,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) Long after,
                         @RequestParam(required = false) Integer limit) {
        return log.page(LogFilters.criteria(municipality, project, kpi, user, fiscalYear, type, from, to, after),
                LogFilters.limit(limit));
    }

    /** The same events, all of them, as NDJSON (one event per line), streamed from a cursor. */
    @GetMapping(value = "/api/audit/events/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String municipality,
                                                 @RequestParam(required = false) String project,
                                                 @RequestParam(required = false) String kpi,
                                                 @RequestParam(required = false) String user,
                                                 @RequestParam(required = false) Integer fiscalYear,
                                                 @RequestParam(required = false) List<String> type,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) Long after) {
        EventCriteria criteria = LogFilters.criteria(municipality, project, kpi, user, fiscalYear, type, from, to, after);
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-log.ndjson").build().toString())
                .body(out -> log.export(criteria, out));
    }

    /** The events that produced one figure of a project view or of the plan dashboard (see {@link FigureTrace}). */
    @GetMapping("/api/audit/trace")
    Trace trace(@RequestParam(required = false) String project,
                @RequestParam(required = false) String kpi,
                @RequestParam(required = false) Integer fiscalYear,
                @RequestParam(required = false) String plan,
                @RequestParam(required = false) String kgi,
                @RequestParam(required = false) String member,
                @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String figure,
                @RequestParam(required = false) String to,
                @RequestParam(required = false) Long after,
                @RequestParam(required = false) Integer limit) {
        EventCriteria criteria = FigureTrace.of(project, kpi, fiscalYear, plan, kgi, member, year, figure);
        if (to != null) {
            LogFilters.upTo(criteria, to);
        }
        if (after != null) {
            criteria.after(after);
        }
        AuditLog.Page page = log.page(criteria, LogFilters.limit(limit));
        return new Trace(new TracedFigure(project, kpi, fiscalYear, plan, kgi, member, year, figure), page.events(),
                page.next());
    }

    /** Recomputes the hash chain from the event store and names the first position where it breaks. */
    @GetMapping("/api/audit/verify")
    ChainVerification.Verdict verify() {
        return verification.verify();
    }

    /** The recorded checkpoints (one per report publication) and the chain's head, each a position and a hash. */
    @GetMapping("/api/audit/checkpoints")
    CheckpointList checkpoints() {
        return new CheckpointList(checkpoints.head().orElse(null), checkpoints.all());
    }
}
