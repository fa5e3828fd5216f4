/**
 * Signatures over the events of the log, made by the command service when it appends them and checked by every
 * verifier: Ed25519 (RFC 8032, with Bouncy Castle's implementation), keys in PEM files outside the database, each known by a key id derived from
 * its public key. Plain Java, so the command-line verifier and the witness use the same code.
 */
package jp.yumekairo.events.signing;
