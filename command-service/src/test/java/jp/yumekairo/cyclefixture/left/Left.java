package jp.yumekairo.cyclefixture.left;

import jp.yumekairo.cyclefixture.right.Right;

/** Depends on {@link Right}, which depends back on it. */
public class Left {

    public Right partner() {
        return new Right();
    }
}
