package jp.yumekairo.modulecycle.second;

import jp.yumekairo.modulecycle.first.First;

/** The other half: needs {@link First}. */
public class Second {

    public First next() {
        return new First();
    }
}
