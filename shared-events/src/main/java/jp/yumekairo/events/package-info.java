/**
 * Value types of the 山口ゆめ回廊 KPI ledger that every event uses: members, fiscal years, figures and the
 * closed vocabularies of docs/design.md.
 */
package jp.yumekairo.events;
