package jp.yumekairo.query.audit;

import jp.yumekairo.query.web.QueryRefused;
import org.springframework.http.HttpStatus;

/** Only one rebuild runs at a time, across all instances. */
class RebuildAlreadyRunning extends QueryRefused {

    RebuildAlreadyRunning() {
        super(HttpStatus.CONFLICT, "rebuild-running", "a rebuild is already running; follow it at GET /api/audit/rebuild");
    }
}
