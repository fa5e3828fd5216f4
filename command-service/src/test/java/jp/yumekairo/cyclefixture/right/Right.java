package jp.yumekairo.cyclefixture.right;

import jp.yumekairo.cyclefixture.left.Left;

/** Depends on {@link Left}, which depends on it: the cycle the module check must refuse. */
public class Right {

    public Left partner() {
        return new Left();
    }
}
