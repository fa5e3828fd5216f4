/**
 * How the read models are written: append-only rows keyed by each event's aggregate id and sequence number,
 * flushed in one JDBC batch per table when a batch of events commits, into the live schema or the auditor's
 * rebuild schema.
 */
package jp.yumekairo.query.projection;
