/** Events of the wide-area plan (広域連携ビジョン): its members, KGIs, plan targets and the members' figures. */
package jp.yumekairo.events.plan;
