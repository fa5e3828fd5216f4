/**
 * The auditor's tools: the event log itself (filtered, paged, exported, traced from any figure), the hash chain
 * that makes changes to it evident, and the rebuild that replays it into fresh projections and compares.
 */
package jp.yumekairo.query.audit;
