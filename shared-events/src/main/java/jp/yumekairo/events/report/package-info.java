/** Events of a member's yearly report (効果検証報告): its submission, the committee's review and its publications. */
package jp.yumekairo.events.report;
