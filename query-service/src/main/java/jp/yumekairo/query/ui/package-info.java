/** The web UI's shared parts: sign-in through the command service, the page layout, language, formats and live updates. */
package jp.yumekairo.query.ui;
