/** The auditor's tools: replay the whole log into fresh projection tables and prove they equal the live ones. */
package jp.yumekairo.query.audit;
