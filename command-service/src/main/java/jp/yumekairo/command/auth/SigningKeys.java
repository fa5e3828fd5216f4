package jp.yumekairo.command.auth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

/**
 * The RSA key pair that signs bearer tokens, kept in PostgreSQL so every command-service instance signs
 * alike and survives restarts; the query service reads only its public half. Created on first use.
 */
@Component
class SigningKeys {

    static final String KEY_ID = "primary";

    record SigningKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
    }

    private final JdbcTemplate jdbc;
    private volatile SigningKey current;

    SigningKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    SigningKey current() {
        SigningKey key = current;
        if (key == null) {
            synchronized (this) {
                if (current == null) {
                    current = loadOrCreate();
                }
                key = current;
            }
        }
        return key;
    }

    private SigningKey loadOrCreate() {
        List<SigningKey> stored = load();
        if (stored.isEmpty()) {
            KeyPair pair = generate();
            // Another instance may create it at the same moment; whichever lands first is the key.
            jdbc.update("INSERT INTO token_signing_key (key_id, public_key, private_key) VALUES (?, ?, ?) "
                            + "ON CONFLICT (key_id) DO NOTHING",
                    KEY_ID, pair.getPublic().getEncoded(), pair.getPrivate().getEncoded());
            stored = load();
        }
        return stored.get(0);
    }

    private List<SigningKey> load() {
        return jdbc.query("SELECT key_id, public_key, private_key FROM token_signing_key WHERE key_id = ?",
                (rs, i) -> decode(rs.getString(1), rs.getBytes(2), rs.getBytes(3)), KEY_ID);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the token signing key", e);
        }
    }

    private static SigningKey decode(String keyId, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new SigningKey(keyId,
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)),
                    (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored token signing key cannot be read", e);
        }
    }
}
