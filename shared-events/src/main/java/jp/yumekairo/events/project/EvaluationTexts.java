package jp.yumekairo.events.project;

import jp.yumekairo.events.Texts;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The free texts of an evaluation, normalised: no nulls, shortfall reasons ordered by KPI id. */
record EvaluationTexts(String rationale, String policyRationale, String situation, String obstacles,
                       String revisions, Map<String, String> shortfallReasons) {

    EvaluationTexts {
        rationale = Texts.orEmpty(rationale);
        policyRationale = Texts.orEmpty(policyRationale);
        situation = Texts.orEmpty(situation);
        obstacles = Texts.orEmpty(obstacles);
        revisions = Texts.orEmpty(revisions);
        shortfallReasons = shortfallReasons == null
                ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(shortfallReasons));
    }
}
