/**
 * Every event the command service appends is signed with a key that is not in the database (Ed25519, a key
 * file given by configuration): a row that the table's owner writes by hand has no valid signature, and every
 * verifier names it as forged.
 */
package jp.yumekairo.command.signing;
