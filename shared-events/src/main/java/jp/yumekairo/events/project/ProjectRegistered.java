package jp.yumekairo.events.project;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.GrantProgram;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.ProjectScope;
import jp.yumekairo.events.Texts;

import java.util.List;

/** A grant project was registered by its lead municipality, with the other members of a 広域 project. */
public record ProjectRegistered(String projectId, MunicipalityCode leadMunicipality,
                                List<MunicipalityCode> participants, String name, String summary,
                                ProjectScope scope, GrantProgram grantProgram, String department,
                                FiscalYear firstFiscalYear, FiscalYear lastFiscalYear) implements ProjectEvent {

    public ProjectRegistered {
        participants = participants == null ? List.of() : List.copyOf(participants);
        summary = Texts.orEmpty(summary);
        department = Texts.orEmpty(department);
    }
}
