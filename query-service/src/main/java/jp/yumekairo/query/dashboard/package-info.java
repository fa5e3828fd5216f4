/** The wide-area plan's consolidated KGI dashboard: each member's figure, the partnership total, the plan target. */
package jp.yumekairo.query.dashboard;
