package jp.yumekairo.modulecycle.first;

import jp.yumekairo.modulecycle.second.Second;

/** Half of the cycle: needs {@link Second}. */
public class First {

    public Second next() {
        return new Second();
    }
}
