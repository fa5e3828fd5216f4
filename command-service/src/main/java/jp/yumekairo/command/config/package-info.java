/** Wiring: the Axon event store on PostgreSQL and its serializers. */
package jp.yumekairo.command.config;
