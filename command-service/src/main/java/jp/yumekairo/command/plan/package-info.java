/**
 * The wide-area plan (山口ゆめ回廊 第2期ビジョン): its members and KGIs, set up by the secretariat, and the
 * KGI figures each member reports.
 */
package jp.yumekairo.command.plan;
