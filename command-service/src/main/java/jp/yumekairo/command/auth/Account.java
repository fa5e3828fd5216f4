package jp.yumekairo.command.auth;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;

import java.time.Instant;

/** An account as the secretariat sees it: who, with which role for which member or sector, and whether it may sign in. */
record Account(String username, String displayName, Role role, MunicipalityCode municipality, Sector sector,
               boolean enabled, Instant createdAt) {
}
