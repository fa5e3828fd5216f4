package jp.yumekairo.query.audit;

import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's view of the log itself (AUDITOR or ADMIN): the events, filtered and paged or streamed whole;
 * the events behind any figure; and the hash chain's verdict and checkpoints.
 */
@RestController
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AuditLog log;
    private final ChainVerification verification;
    private final Checkpoints checkpoints;

    AuditController(AuditLog log, ChainVerification verification, Checkpoints checkpoints) {
        this.log = log;
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    /** A page of the log in global order, filtered by member, project, KPI, fiscal year, type and time; keyset paged. */
    @GetMapping("/api/audit/events")
    AuditLog.Page events(@RequestParam(required = false) String municipality,
                         @RequestParam(required = false) String project,
                         @RequestParam(required = false) String kpi,
                         @RequestParam(required = false) Integer fiscalYear,
                         @RequestParam(required = false) List<String> type,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) Long after,
                         @RequestParam(required = false) Integer limit) {
        return log.page(criteria(municipality, project, kpi, fiscalYear, type, from, to, after), limit(limit));
    }

    /** The same events, all of them, as NDJSON (one event per line), streamed from a cursor. */
    @GetMapping(value = "/api/audit/events/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String municipality,
                                                 @RequestParam(required = false) String project,
                                                 @RequestParam(required = false) String kpi,
                                                 @RequestParam(required = false) Integer fiscalYear,
                                                 @RequestParam(required = false) List<String> type,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) Long after) {
        EventCriteria criteria = criteria(municipality, project, kpi, fiscalYear, type, from, to, after);
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-log.ndjson").build().toString())
                .body(out -> log.export(criteria, out));
    }

    /** The events that produced one figure of a project view or of the plan dashboard (see {@link FigureTrace}). */
    @GetMapping("/api/audit/trace")
    Map<String, Object> trace(@RequestParam(required = false) String project,
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
            criteria.to(Timestamp.from(instant(to, "to", true)));
        }
        if (after != null) {
            criteria.after(after);
        }
        AuditLog.Page page = log.page(criteria, limit(limit));
        Map<String, Object> traced = new LinkedHashMap<>();
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("project", project);
        asked.put("kpi", kpi);
        asked.put("fiscalYear", fiscalYear);
        asked.put("plan", plan);
        asked.put("kgi", kgi);
        asked.put("member", member);
        asked.put("year", year);
        asked.put("figure", figure);
        asked.values().removeIf(java.util.Objects::isNull);
        traced.put("figure", asked);
        traced.put("events", page.events());
        traced.put("next", page.next());
        return traced;
    }

    /** Recomputes the hash chain from the event store and names the first position where it breaks. */
    @GetMapping("/api/audit/verify")
    ChainVerification.Verdict verify() {
        return verification.verify();
    }

    /** The recorded checkpoints (one per report publication) and the chain's head, each a position and a hash. */
    @GetMapping("/api/audit/checkpoints")
    Map<String, Object> checkpoints() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("head", checkpoints.head().orElse(null));
        answer.put("checkpoints", checkpoints.all());
        return answer;
    }

    private static EventCriteria criteria(String municipality, String project, String kpi, Integer fiscalYear,
                                          List<String> types, String from, String to, Long after) {
        EventCriteria criteria = new EventCriteria();
        if (after != null) {
            criteria.after(after);
        }
        if (municipality != null) {
            try {
                criteria.member(MunicipalityCode.of(municipality).code());
            } catch (InvalidValueException notAMember) {
                throw QueryRefused.invalid("invalid-parameter", "municipality: " + notAMember.getMessage());
            }
        }
        if (project != null) {
            criteria.aggregate(project);
        }
        if (kpi != null) {
            criteria.kpi(kpi);
        }
        if (fiscalYear != null) {
            criteria.fiscalYear(fiscalYear);
        }
        if (types != null && !types.isEmpty()) {
            String[] names = types.stream().flatMap(t -> Arrays.stream(t.split(","))).map(String::trim)
                    .filter(t -> !t.isEmpty()).toArray(String[]::new);
            if (Arrays.stream(names).anyMatch(name -> !name.matches("[A-Za-z]{1,100}"))) {
                throw QueryRefused.invalid("invalid-parameter", "type is an event's simple name, e.g. ActualRecorded");
            }
            criteria.types(names);
        }
        if (from != null) {
            criteria.from(Timestamp.from(instant(from, "from", false)));
        }
        if (to != null) {
            criteria.to(Timestamp.from(instant(to, "to", true)));
        }
        return criteria;
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw QueryRefused.invalid("invalid-parameter", "limit is 1 to " + MAX_LIMIT + "; page on with after=next");
        }
        return limit;
    }

    /** An instant, or a day in Japan: its start for {@code from}, its end for {@code to}. */
    private static Instant instant(String value, String name, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? AsOf.parse(value) : day.atStartOfDay(AsOf.JAPAN).toInstant();
            }
            Instant at = OffsetDateTime.parse(value).toInstant();
            // java.time reads years up to ±999,999,999; SQL timestamps do not go that far
            if (at.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || at.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new DateTimeException("out of range");
            }
            return at;
        } catch (DateTimeException | QueryRefused invalid) {
            throw QueryRefused.invalid("invalid-parameter", name + " is an instant such as 2025-06-30T10:00:00+09:00 "
                    + "or a day such as 2025-06-30");
        }
    }
}
