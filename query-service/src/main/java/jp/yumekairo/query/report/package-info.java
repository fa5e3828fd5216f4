/** The members' yearly reports (効果検証報告): status, review comments, frozen published versions and their differences. */
package jp.yumekairo.query.report;
