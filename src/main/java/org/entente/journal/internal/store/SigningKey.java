package org.entente.journal.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** The Ed25519 key (from the JDK) that signs tree heads: created on first start, kept in a file readable by its owner. */
public final class SigningKey {

	private final PrivateKey privateKey;
	private final PublicKey publicKey;

	private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
		this.privateKey = privateKey;
		this.publicKey = publicKey;
	}

	public static SigningKey generate() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			return new SigningKey(pair.getPrivate(), pair.getPublic());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Loads the key at {@code file} (PKCS#8, base64; the public key beside it, .pub) or creates both. */
	public static SigningKey loadOrCreate(Path file) throws IOException {
		Path pub = file.resolveSibling(file.getFileName() + ".pub");
		try {
			if (Files.exists(file)) {
				KeyFactory f = KeyFactory.getInstance("Ed25519");
				PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(Files.readString(file).trim())));
				PublicKey pk = decodePublic(Files.readString(pub).trim());
				return new SigningKey(priv, pk);
			}
			SigningKey k = generate();
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(tmp, Base64.getEncoder().encodeToString(k.privateKey.getEncoded()) + "\n");
			try {
				Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException e) {
				// not a POSIX file system: the directory's own permissions apply
			}
			Files.writeString(pub, k.publicKeyBase64() + "\n");
			Files.move(tmp, file);
			return k;
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IOException("the journal's signing key " + file + " cannot be read: " + e.getMessage(), e);
		}
	}

	public static PublicKey decodePublic(String base64) throws GeneralSecurityException {
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
	}

	public PublicKey publicKey() {
		return publicKey;
	}

	/** The public key as X.509 SubjectPublicKeyInfo, base64. */
	public String publicKeyBase64() {
		return Base64.getEncoder().encodeToString(publicKey.getEncoded());
	}

	/** SHA-256 of the encoded public key, hex: what a person compares by eye. */
	public static String fingerprint(PublicKey key) {
		return HexFormat.of().formatHex(Merkle.sha256().digest(key.getEncoded()));
	}

	public TreeHead sign(long treeSize, long timestamp, byte[] root) {
		try {
			Signature s = Signature.getInstance("Ed25519");
			s.initSign(privateKey);
			s.update(TreeHead.signedBytes(treeSize, timestamp, root));
			return new TreeHead(treeSize, timestamp, root, s.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
