/** The benchmark driver of {@code bench/run}: our figures beside the machine's own limits, measured in one run. */
package jp.yumekairo.bench;
