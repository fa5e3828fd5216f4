/**
 * The query service's part of the HTTP edge, beside the one both services share ({@code jp.yumekairo.edge}):
 * "as of" and "min version" parameters, path values, its refusals as problem details, and spreadsheet downloads.
 */
package jp.yumekairo.query.web;
