package jp.yumekairo.events.signing;

/**
 * Signs the events the command service appends and the checkpoints the query service publishes, each with a
 * key of its own. A key file ({@link KeyFiles}) in this code base; a KMS or HSM in production through the same
 * two methods.
 */
public interface Signer {

    /** The id verifiers find the public key by, stored beside each signature. */
    String keyId();

    byte[] sign(byte[] content);
}
