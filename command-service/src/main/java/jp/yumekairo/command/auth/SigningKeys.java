package jp.yumekairo.command.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import jp.yumekairo.command.signing.SigningProperties;
import jp.yumekairo.edge.TokenKeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The RSA key pair that signs bearer tokens, read at start from the PEM file {@code yumekairo.security.token-key}
 * ({@code TOKEN_SIGNING_KEY}) with its public key beside it ({@code <name>.pub.pem}, which the query service is
 * given); never in the database. Every command-service instance is given the same file. The demo profile makes the
 * pair on first start ({@code yumekairo.signing.create-missing-key}); elsewhere a missing key stops the service.
 */
@Component
class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    /** The key id is the key's own JWK thumbprint (RFC 7638): a new key file is a new id. */
    record SigningKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
    }

    private final SigningKey current;

    SigningKeys(SecurityProperties security, SigningProperties signing) {
        if (security.tokenKey() == null) {
            throw new IllegalStateException("yumekairo.security.token-key (TOKEN_SIGNING_KEY) names no key file: "
                    + "the command service signs every bearer token with it and does not start without it");
        }
        TokenKeyFiles.TokenKey key = signing.createMissingKey()
                ? TokenKeyFiles.loadOrCreate(security.tokenKey())
                : TokenKeyFiles.load(security.tokenKey());
        try {
            String keyId = new RSAKey.Builder(key.publicKey()).build().computeThumbprint().toString();
            this.current = new SigningKey(keyId, key.publicKey(), key.privateKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the token key's id", e);
        }
        LOG.info("bearer tokens are signed with key {} ({}; public key {})", current.keyId(), security.tokenKey(),
                TokenKeyFiles.publicKeyFile(security.tokenKey()));
    }

    SigningKey current() {
        return current;
    }
}
