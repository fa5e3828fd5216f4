/** Events of a grant project (事業): its registration, KPIs, targets, actuals, costs and effect evaluations. */
package jp.yumekairo.events.project;
