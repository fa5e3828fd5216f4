/**
 * The command service: projects and the wide-area plan as event-sourced aggregates, each write checked
 * where it is handled and stored as an event in PostgreSQL.
 */
package jp.yumekairo.command;
