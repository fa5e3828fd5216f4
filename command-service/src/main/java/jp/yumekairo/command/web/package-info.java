/**
 * The command service's part of the HTTP edge, beside the one both services share ({@code jp.yumekairo.edge}):
 * command dispatch with metadata, versions, If-Match and Idempotency-Key; size limits and plain text; the
 * domain's refusals and unreadable bodies as RFC 9457 problem details.
 */
package jp.yumekairo.command.web;
