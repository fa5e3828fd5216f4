/** Who may read: the command service's bearer tokens, verified with the public key it publishes in PostgreSQL. */
package jp.yumekairo.query.auth;
