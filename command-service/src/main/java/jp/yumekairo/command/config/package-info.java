/** Wiring of the event store that only the writer needs: concurrent appends, and the metadata events inherit. */
package jp.yumekairo.command.config;
