package org.entente.journal.internal.intake;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed certificate for 127.0.0.1 made by the JDK's keytool, in a PKCS#12 file. */
public final class SelfSigned {

	public static final String PASSWORD = "changeit";

	private SelfSigned() {
	}

	public static Path keystore(Path dir) throws Exception {
		Files.createDirectories(dir);
		Path ks = dir.resolve("journal.p12");
		if (Files.exists(ks)) {
			return ks;
		}
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "journal", "-keyalg", "EC", "-groupname", "secp256r1",
				"-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
				"-keystore", ks.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
		if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException(new String(p.getInputStream().readAllBytes()));
		}
		return ks;
	}

	public static SSLContext context(Path dir) throws Exception {
		KeyStore ks = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore(dir))) {
			ks.load(in, PASSWORD.toCharArray());
		}
		KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		kmf.init(ks, PASSWORD.toCharArray());
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(ks);
		SSLContext ctx = SSLContext.getInstance("TLS");
		ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
		return ctx;
	}
}
