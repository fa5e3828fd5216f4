package jp.yumekairo.command.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the event signing key lives ({@code eventKey}, a PKCS#8 PEM file with its public key beside it as
 * {@code <name>.pub.pem}) and whether a missing one may be made ({@code createMissingKey}: the demo profile only;
 * elsewhere a missing key stops the service at start and is never silently replaced).
 */
@ConfigurationProperties("yumekairo.signing")
public record SigningProperties(Path eventKey, boolean createMissingKey) {
}
