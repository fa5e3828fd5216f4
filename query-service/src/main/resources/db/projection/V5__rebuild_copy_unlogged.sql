-- The auditor's rebuild (audit/Replay) fills its copy of these tables from the log in one go, compares it with the
-- live views as soon as it is complete and empties it before its next run: nothing of it needs the write-ahead
-- log, so in the rebuild schema the tables are UNLOGGED. A crash of PostgreSQL empties them (a rebuild under way
-- then fails; the next one starts over). The live views stay logged. A table added later is logged in both
-- schemas unless its own migration says otherwise.
DO $$
DECLARE
    projection text;
BEGIN
    IF current_schema() = 'query_rebuild' THEN
        FOREACH projection IN ARRAY ARRAY['event_origin', 'project', 'kpi', 'kpi_target', 'kpi_actual',
            'project_cost', 'evaluation', 'project_activities', 'project_details', 'kpi_name', 'plan', 'kgi',
            'plan_target', 'kgi_figure', 'partnership_figure', 'report_submission', 'report_comment',
            'report_answer', 'report_publication']
        LOOP
            EXECUTE format('ALTER TABLE %I SET UNLOGGED', projection);
        END LOOP;
    END IF;
END
$$;
