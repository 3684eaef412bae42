/**
 * The multi-task network as data: a {@link dlbugs.model.network.NetworkSpec} lists its heads, and
 * {@link dlbugs.model.network.NetworkFactory} builds the DL4J graph (shared trunk, one softmax
 * output per head) from it in one loop.
 */
package dlbugs.model.network;
