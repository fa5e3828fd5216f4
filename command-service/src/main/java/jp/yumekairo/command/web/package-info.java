/**
 * The HTTP edge shared by every feature: command dispatch with metadata, versions, If-Match and
 * Idempotency-Key; request ids and size limits; RFC 9457 problem details for every error.
 */
package jp.yumekairo.command.web;
