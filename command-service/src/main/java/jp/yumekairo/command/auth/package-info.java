/** Who may do what: users and roles, bearer tokens, and the acting person attached to every command. */
package jp.yumekairo.command.auth;
