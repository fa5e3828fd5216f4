/**
 * Grant projects (事業): registration, KPIs, targets, actuals, costs and effect evaluations, written only by
 * the lead member's editor.
 */
package jp.yumekairo.command.project;
