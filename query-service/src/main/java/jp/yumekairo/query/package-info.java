/** The query service: read models of the event log for the dashboards, the members and the auditors. */
package jp.yumekairo.query;
