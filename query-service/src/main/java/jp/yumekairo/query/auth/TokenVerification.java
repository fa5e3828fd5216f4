package jp.yumekairo.query.auth;

import jp.yumekairo.edge.LazyJwtDecoder;
import jp.yumekairo.edge.TokenKeyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

/**
 * Verifies the command service's RS256 tokens with its published public key, the file
 * {@code yumekairo.security.token-public-key} ({@code TOKEN_PUBLIC_KEY}; by default where the demo's command service
 * makes it); never with anything read from the database. The file is read on the first token, so this service may
 * start before the command service has made its key; until then every token is refused.
 */
@Component
class TokenVerification {

    private final Path publicKey;
    private final JwtDecoder decoder;

    /** {@code lifetime}: the command service's token lifetime; a token claiming to live longer is refused. */
    TokenVerification(@Value("${yumekairo.security.token-public-key}") Path publicKey,
                      @Value("${yumekairo.security.issuer}") String issuer,
                      @Value("${yumekairo.security.token-lifetime}") Duration lifetime) {
        this.publicKey = publicKey;
        this.decoder = new LazyJwtDecoder(this::publicKey, issuer, lifetime);
    }

    JwtDecoder decoder() {
        return decoder;
    }

    private RSAPublicKey publicKey() {
        if (!Files.isRegularFile(publicKey)) {
            throw new BadJwtException("the command service's token public key " + publicKey + " is not there yet");
        }
        return TokenKeyFiles.readPublicKey(publicKey);
    }
}
