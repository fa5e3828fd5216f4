/** A member's yearly report (効果検証報告): submission, the 産官学金労言 committee's review, and numbered publications. */
package jp.yumekairo.command.report;
