package jp.yumekairo.command.auth;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;

/** A person who may sign in, as stored in {@code app_user}. */
record AppUser(String username, String passwordHash, Role role, MunicipalityCode municipality, Sector sector,
               boolean enabled) {

    Actor actor() {
        return new Actor(username, role, municipality, sector);
    }
}
