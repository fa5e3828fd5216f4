/** The yearly reports' pages: versions, the differences between them, the reviewers' comments and the editors' answers. */
package jp.yumekairo.query.report;
