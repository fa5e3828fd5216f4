/**
 * What a view gives its reader to trace a figure back to the log: the link to the events behind each figure, and
 * the hash chain's checkpoint of a published report.
 */
package jp.yumekairo.query.trace;
