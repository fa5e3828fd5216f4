/**
 * Not code of the service: two packages that import each other, so {@code ModuleStructureTest} can show that the
 * module check it runs on the service fails on a cycle.
 */
package jp.yumekairo.cyclefixture;
