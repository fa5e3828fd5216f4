package jp.yumekairo.command.project;

import jp.yumekairo.command.CommandRefused;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.project.FigureSheet.BadRow;
import jp.yumekairo.command.project.FigureSheet.Row;
import jp.yumekairo.command.project.ProjectCommands.RecordActual;
import jp.yumekairo.command.project.ProjectCommands.ReviseTarget;
import jp.yumekairo.command.web.CommandMetaData;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.InvalidValueException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Imports a sheet of targets and actuals all or nothing: every row is sent as the commands an editor would send,
 * in one transaction, and the transaction commits only when every row was accepted and this is not a dry run.
 * A dry run is the real import rolled back, so it applies exactly the same rules.
 */
@Component
class FigureImport {

    /** What one row changes: "target" and/or "actual" (nothing when the figures were already as given). */
    record Change(int line, String projectId, String kpiId, int fiscalYear, List<String> changed) {
    }

    record Outcome(String charset, int rows, boolean dryRun, boolean stored, List<Change> changes, List<BadRow> errors) {
    }

    private final CommandGateway gateway;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    FigureImport(CommandGateway gateway, TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    Outcome run(byte[] file, Actor actor, String requestId, boolean dryRun) {
        FigureSheet.Reading sheet = FigureSheet.read(file);
        if (!sheet.bad().isEmpty() || sheet.rows().isEmpty()) {
            List<BadRow> errors = sheet.bad().isEmpty() ? List.of(new BadRow(0, "the file has no rows")) : sheet.bad();
            return new Outcome(sheet.charset(), sheet.rows().size(), dryRun, false, List.of(), errors);
        }
        return transaction.execute(status -> {
            List<Change> changes = new ArrayList<>();
            List<BadRow> errors = new ArrayList<>();
            for (Row row : sheet.rows()) {
                List<String> changed = new ArrayList<>();
                try {
                    if (row.target() != null && send(new ReviseTarget(row.projectId(), row.kpiId(),
                            FiscalYear.of(row.fiscalYear()), row.target(), row.reason(), null), actor, row, requestId)) {
                        changed.add("target");
                    }
                    if (row.status() != null && send(new RecordActual(row.projectId(), row.kpiId(),
                            FiscalYear.of(row.fiscalYear()), row.actual(), ActualStatus.valueOf(row.status()),
                            row.source(), row.note(), row.reason(), null), actor, row, requestId)) {
                        changed.add("actual");
                    }
                    changes.add(new Change(row.line(), row.projectId(), row.kpiId(), row.fiscalYear(), changed));
                } catch (CommandRefused | InvalidValueException refused) {
                    errors.add(new BadRow(row.line(), refused.getMessage()));
                } catch (AggregateNotFoundException unknown) {
                    errors.add(new BadRow(row.line(), "there is no project '" + row.projectId() + "'"));
                }
            }
            boolean store = errors.isEmpty() && !dryRun;
            if (!store) {
                status.setRollbackOnly();
            }
            return new Outcome(sheet.charset(), sheet.rows().size(), dryRun, store, store || errors.isEmpty()
                    ? changes : List.of(), errors);
        });
    }

    /** Sends one command in the import's transaction; true when it stored an event. */
    private boolean send(Object command, Actor actor, Row row, String requestId) {
        long before = eventsOf(row.projectId());
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandMetaData.of(actor, row.reason(), requestId)));
        return eventsOf(row.projectId()) > before;
    }

    private long eventsOf(String projectId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, projectId);
        return count == null ? 0 : count;
    }
}
