/** The HTTP edge of the query service: request ids, "as of" and "min version" parameters, problem details. */
package jp.yumekairo.query.web;
