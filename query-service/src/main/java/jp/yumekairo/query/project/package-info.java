/** The members' projects as the views show them: KPIs per fiscal year with achievement, costs, evaluations, history. */
package jp.yumekairo.query.project;
