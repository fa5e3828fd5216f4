package jp.yumekairo.query.config;

/**
 * What {@link EventNotifications} tells the keeper of the current views ({@code web.CurrentViews}): that the
 * projections committed a batch into the live views (heard on {@code yumekairo_views}), and whether it is
 * listening at all.
 */
public interface ViewChanges {

    /** The live views changed: whatever was kept of them is out of date. */
    void changed();

    /** Whether changes are being heard; when listening starts again, what happened meanwhile is unknown. */
    void listening(boolean heard);
}
