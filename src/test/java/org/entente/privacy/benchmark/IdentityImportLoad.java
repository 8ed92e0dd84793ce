package org.entente.privacy.benchmark;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

/**
 * Load generator for the identity import's figure (docs/benchmarks.md): {@code URL N} sends a full import of N
 * generated people spread over 59 collèges, then the same file again (nothing changes), then the file without one
 * person in a hundred (they depart), each timed from the request to the response. Loopback only, N at most
 * 4,000,000; the account is {@code dpo} with the password in ENTENTE_DEMO_PASSWORD.
 */
public final class IdentityImportLoad {

	static final int MAX_N = 4_000_000;
	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private IdentityImportLoad() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: URL N");
			System.exit(2);
		}
		URI base = URI.create(args[0]);
		if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
			throw new IllegalArgumentException("boucle locale uniquement : " + base.getHost());
		}
		int n = Integer.parseInt(args[1]);
		if (n < 1 || n > MAX_N) {
			throw new IllegalArgumentException("N entre 1 et " + MAX_N);
		}
		String run = Long.toString(System.currentTimeMillis(), 36);
		send(base, "création", csv(run, n, false), n);
		send(base, "même fichier", csv(run, n, false), n);
		send(base, "1 % de départs", csv(run, n, true), n);
	}

	static byte[] csv(String run, int n, boolean departures) {
		StringBuilder b = new StringBuilder("guuid,uid,lastName,firstName,civility,birthDate,status,function,uai,class,department\n");
		Random random = new Random(42);
		for (int i = 0; i < n; i++) {
			if (departures && i % 100 == 7) {
				continue;
			}
			int college = i % 59;
			String uai = String.format("03%05d", 90000 + college);
			uai = uai + (char) ('A' + college % 26);
			boolean pupil = i % 12 != 0;
			b.append("G-").append(run).append('-').append(i).append(",u").append(run).append(i).append(",Nom").append(i)
				.append(",Prénom").append(random.nextInt(5000)).append(',').append(i % 2 == 0 ? "M" : "MME").append(',')
				.append(pupil ? 2010 + random.nextInt(4) : 1965 + random.nextInt(35)).append("-0").append(1 + random.nextInt(9))
				.append('-').append(10 + random.nextInt(18)).append(',').append(pupil ? "PUPIL" : "EN_STAFF").append(',')
				.append(pupil ? "" : "professeur").append(',').append(uai).append(',').append(pupil ? (6 - i % 4) + "e " + (char) ('A' + i % 5) : "")
				.append(',').append(pupil ? "" : "Enseignement").append('\n');
		}
		return b.toString().getBytes(StandardCharsets.UTF_8);
	}

	static void send(URI base, String what, byte[] body, int n) throws Exception {
		String password = System.getenv().getOrDefault("ENTENTE_DEMO_PASSWORD", "bench");
		long start = System.nanoTime();
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/privacy/identities/import?mode=full&dryRun=false"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("dpo:" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%s : %d personnes, %.1f Mio, HTTP %d en %.2f s (%.0f lignes/s) %s%n", what, n, body.length / 1048576.0,
				r.statusCode(), seconds, n / seconds, r.body().length() > 200 ? r.body().substring(0, 200) : r.body());
	}
}
