package jp.yumekairo.query.projection;

/** The two copies of the projection tables: the live one every view reads, and the auditor's rebuild. */
public enum ProjectionSchema {
    LIVE("query"),
    REBUILD("query_rebuild");

    private final String schemaName;

    ProjectionSchema(String schemaName) {
        this.schemaName = schemaName;
    }

    public String schemaName() {
        return schemaName;
    }

    public String qualify(ProjectionTable table) {
        return schemaName + "." + table.tableName();
    }
}
