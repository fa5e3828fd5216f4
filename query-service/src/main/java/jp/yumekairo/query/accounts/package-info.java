/** アカウントの管理: the secretariat's page for the people who sign in, kept by the command service. */
package jp.yumekairo.query.accounts;
