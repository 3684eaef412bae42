package dlbugs.datasets;

import java.net.URI;

/**
 * A published file of a dataset, with what it must be.
 *
 * @param file   path under the output directory, e.g. {@code islam2019/dataset.zip}
 * @param url    where its authors publish it
 * @param size   its size in bytes
 * @param sha256 its SHA-256, lower-case hex
 */
public record Artifact(String file, URI url, long size, String sha256) {
}
