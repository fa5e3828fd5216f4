/**
 * The HTTP edge both services share, switched on by Spring Boot auto-configuration: RFC 9457 problem details
 * (also for what fails outside Spring MVC), request ids, the status → code mapping, database-unavailable as 503,
 * path values as {@code MunicipalityCode} and {@code FiscalYear}, the lazy bearer-token decoder, the API
 * description, and the event log's table schema and JSON form. It lies outside both services' root packages: to
 * their module tests it is a library, not a module.
 */
package jp.yumekairo.edge;
