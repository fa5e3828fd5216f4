/** A fixture of {@code ModuleStructureTest}: two modules that import each other, which the module check must refuse. */
package jp.yumekairo.modulecycle;
