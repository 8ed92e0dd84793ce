package org.entente.journal.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loss window: a writer killed (SIGKILL) mid-stream keeps every line it had reported durable, byte for byte; the
 * torn tail is cut on reopening and writing goes on with a verifiable tree.
 */
class DurabilityTest {

	@TempDir
	Path dir;

	@Test
	void aKilledWriterKeepsWhatItReportedDurable() throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(),
				dir.toString()).redirectErrorStream(true).start();
		long lastDurable = 0;
		try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
			String l;
			while ((l = r.readLine()) != null) {
				if (l.startsWith("durable ")) {
					lastDurable = Long.parseLong(l.substring(8));
					if (lastDurable >= 20_000) {
						break;
					}
				}
			}
			p.destroyForcibly();
			assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(lastDurable).as("the child wrote and reported").isGreaterThanOrEqualTo(20_000);
		try (JournalStore s = StoreFixture.open(dir, 64 * 1024)) {
			assertThat(s.size()).isGreaterThanOrEqualTo(lastDurable);
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).as(v.problem()).isTrue();
			for (long i = 0; i < lastDurable; i += 997) {
				assertThat(s.read(i).raw()).isEqualTo(StoreFixture.raw(i));
			}
			assertThat(s.read(lastDurable - 1).raw()).isEqualTo(StoreFixture.raw(lastDurable - 1));
			long size = s.size();
			s.append(StoreFixture.lines(size, size + 10));
			s.signTreeHead(System.currentTimeMillis());
			assertThat(s.verify().ok()).isTrue();
		}
	}

	@Test
	void aTornLastRecordIsCutOnReopening() throws IOException {
		try (JournalStore s = StoreFixture.open(dir, 1 << 20)) {
			s.append(StoreFixture.lines(0, 10));
			s.signTreeHead(1);
		}
		Path seg = dir.resolve("segments").resolve(JournalStore.name(0) + ".seg");
		try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
			// half a record: a length that promises more than follows
			ch.write(ByteBuffer.allocate(20).putInt(500).putLong(10).flip());
		}
		long before = Files.size(seg);
		try (JournalStore s = StoreFixture.open(dir, 1 << 20)) {
			assertThat(s.size()).isEqualTo(10);
			assertThat(Files.size(seg)).isLessThan(before);
			assertThat(s.verify().ok()).isTrue();
		}
	}

	@Test
	void theWriterSyncsWithinItsIntervalAndSignsHeads() throws Exception {
		try (JournalWriter w = new JournalWriter(StoreFixture.open(dir, 1 << 20), Duration.ofMillis(100),
				Duration.ofMillis(300), 16, Clock.systemUTC())) {
			w.submit(StoreFixture.lines(0, 50));
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> w.store().durableSize() == 50);
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2))
				.until(() -> w.store().latestHead() != null && w.store().latestHead().treeSize() == 50);
			List<TreeHead> heads = w.store().treeHeads();
			assertThat(heads).allMatch(h -> h.verify(w.store().key().publicKey()));
		}
	}
}
