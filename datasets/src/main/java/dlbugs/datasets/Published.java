package dlbugs.datasets;

import java.net.URI;

/**
 * The published files of the corpus with their size and SHA-256, as in the corpus this project
 * was built on; only where to download them from is left to the caller.
 */
public enum Published {
    ISLAM2019_DATASET("islam2019/dataset.zip", 194_840, "0e5ef04fe9a00af9d3b1ce4ac6b315a373507dce213700e9ad91f9ceffe07012"),
    ICSE2020_FIX_PATTERNS("islam2019/fix_patterns_icse2020.xlsx", 371_015,
            "99257985aab88700f6ec437487235978d484acf673da689711ae2c237e4714a7"),
    SIMBA2024_DATASET("simba2024/dataset.csv", 1_557_981, "72d1730c93be9d605feda8751aa68da513fb39035505bc71a3dca0fa31f5888c");

    private final String file;
    private final long size;
    private final String sha256;

    Published(String file, long size, String sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /** @return the file, to be fetched from {@code url} */
    public Artifact at(URI url) {
        return new Artifact(file, url, size, sha256);
    }
}
