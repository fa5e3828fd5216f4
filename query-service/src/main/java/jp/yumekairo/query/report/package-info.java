/** The members' yearly reports (効果検証報告): status, review comments, frozen published versions and their differences, and their pages. */
package jp.yumekairo.query.report;
