/** The demo data of the source documents, loaded through the command API as the members' editors would enter it. */
package jp.yumekairo.command.demo;
