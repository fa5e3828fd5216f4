/** How the query service reads the command service's event store, and how it is woken when events arrive. */
package jp.yumekairo.query.config;
