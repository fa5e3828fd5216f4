package jp.yumekairo.events.signing;

/**
 * Signs what the command service appends. A key file ({@link KeyFiles}) in this code base; a KMS or HSM in
 * production through the same two methods.
 */
public interface EventSigner {

    /** The id verifiers find the public key by, stored beside each signature. */
    String keyId();

    byte[] sign(byte[] content);
}
