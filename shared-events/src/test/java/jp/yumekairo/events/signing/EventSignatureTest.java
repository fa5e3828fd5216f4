package jp.yumekairo.events.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSignatureTest {

    private static byte[] content(String payload) {
        return SignedContent.of("e-1", "project-1", 3, "Project", "2024-06-01T01:00:00.000Z",
                "jp.yumekairo.events.project.ActualRecorded", "2", payload.getBytes(StandardCharsets.UTF_8),
                "{\"userId\":\"ube\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSignatureVerifiesOnlyTheContentItWasMadeFor(@TempDir Path keys) {
        SigningKey key = KeyFiles.loadOrCreate(keys.resolve("event-signing.pem"));
        byte[] signature = key.sign(content("{\"value\":167}"));
        PublicKeys published = KeyFiles.readPublicKeys(List.of(keys));

        assertThat(published.verifies(content("{\"value\":167}"), key.keyId(), signature)).isTrue();
        assertThat(published.verifies(content("{\"value\":999}"), key.keyId(), signature)).isFalse();
        assertThat(published.verifies(content("{\"value\":167}"), "ed25519:0000000000000000", signature)).isFalse();
        assertThat(published.verifies(content("{\"value\":167}"), key.keyId(), null)).isFalse();
    }

    @Test
    void theSignaturesAreTheJdksEd25519_soEventsSignedBeforeStillVerify(@TempDir Path keys) throws Exception {
        Path file = keys.resolve("event-signing.pem");
        SigningKey key = KeyFiles.loadOrCreate(file);
        byte[] content = content("{\"value\":167}");
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(PemFiles.der(file, "PRIVATE KEY"))));
        jdk.update(content);
        byte[] signedByTheJdk = jdk.sign();

        // Ed25519 is deterministic: the same key signs the same content to the same 64 bytes
        assertThat(key.sign(content)).isEqualTo(signedByTheJdk);
        assertThat(key.publicKey().verifies(content, signedByTheJdk)).isTrue();
        java.security.Signature check = java.security.Signature.getInstance("Ed25519");
        check.initVerify(key.publicKey().key());
        check.update(content);
        assertThat(check.verify(key.sign(content))).isTrue();
        assertThat(key.publicKey().verifies(content, new byte[12])).isFalse();
    }

    @Test
    void noByteMovesBetweenFields() {
        byte[] a = SignedContent.of("e-1", "ab", 1, "c", "t", "p", null, new byte[] {1}, null);
        byte[] b = SignedContent.of("e-1", "a", 1, "bc", "t", "p", null, new byte[] {1}, null);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void theKeyFileIsKeptAndReadAgainNeverReplaced(@TempDir Path keys) throws Exception {
        Path file = keys.resolve("event-signing.pem");
        String first = KeyFiles.loadOrCreate(file).keyId();

        assertThat(KeyFiles.loadOrCreate(file).keyId()).isEqualTo(first);
        assertThat(KeyFiles.load(file).keyId()).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(KeyFiles.publicKeyFile(file))).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void aMissingKeyIsAClearRefusalNotANewKey(@TempDir Path keys) {
        Path file = keys.resolve("event-signing.pem");
        assertThatThrownBy(() -> KeyFiles.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
        assertThat(file).doesNotExist();
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefused(@TempDir Path keys) throws Exception {
        Path one = keys.resolve("one.pem");
        Path two = keys.resolve("two.pem");
        KeyFiles.loadOrCreate(one);
        KeyFiles.loadOrCreate(two);
        Files.copy(KeyFiles.publicKeyFile(two), KeyFiles.publicKeyFile(one), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> KeyFiles.load(one)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not belong");
    }
}
