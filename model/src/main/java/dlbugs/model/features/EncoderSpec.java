package dlbugs.model.features;

/**
 * Which sentence encoder made an embedding, precisely enough to refuse another one: a bundle
 * trained on one encoder's vectors predicts nonsense from any other's.
 *
 * @param name       the encoder's name in dlbugs, e.g. {@code bge-small-en-v15-q}
 * @param artifact   the Maven artifact that ships the model file ({@code group:artifact})
 * @param version    that artifact's version
 * @param dimensions length of each vector
 * @param digest     {@code sha256:} and the hex SHA-256 of the model file's bytes
 */
public record EncoderSpec(String name, String artifact, String version, int dimensions, String digest) {

    public EncoderSpec {
        if (name == null || name.isBlank() || artifact == null || version == null || digest == null) {
            throw new IllegalArgumentException("an encoder needs a name, an artifact, a version and a digest");
        }
        if (dimensions < 1) {
            throw new IllegalArgumentException("encoder " + name + " must have positive dimensions, got " + dimensions);
        }
    }

    /** @return the encoder in one phrase, for messages: name (artifact version, N dims) */
    public String describe() {
        return name + " (" + artifact + " " + version + ", " + dimensions + " dims)";
    }
}
