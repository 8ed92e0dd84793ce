package org.entente.journal.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.journal.JournalProperties;
import org.entente.journal.internal.export.JournalExporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Exports made from the pages: written in the background to {@code <directory>/exports} so that a long one shows
 * its progress, then downloaded by the person who asked. One export runs at a time, eight wait at most; an archive
 * is removed a day after it was made (it holds personal data). Each export and each download is in the custody log.
 * <p>
 * The list is kept in {@code journal_export} as well as in memory (which holds the progress of the running one), so
 * that a restart keeps finished exports downloadable; an export that was waiting or running when the application
 * stopped is marked failed, its partial file removed, and can be asked again.
 */
@Service
public class JournalExportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JournalExportJobs.class);
	static final Duration KEEP = Duration.ofDays(1);

	/** Why the archive is made: the Académie's periodic delivery, a requisition, or another stated purpose. */
	public enum Kind {
		ACADEMY, REQUISITION, OTHER
	}

	public enum State {
		WAITING, RUNNING, DONE, FAILED
	}

	static final String INTERRUPTED = "interrompu par un redémarrage de l'application ; demandez-le de nouveau";

	/** One export asked from the pages; its state and progress change while it runs. */
	public static final class Job {
		private final String id;
		private final String owner;
		private final Kind kind;
		private final JournalSearch.Criteria criteria;
		private final String purpose;
		private final String requisition;
		private final Instant createdAt;
		private final JournalSearch.Progress progress = new JournalSearch.Progress();
		private volatile State state = State.WAITING;
		private volatile JournalExporter.Summary summary;
		private volatile String failure;
		private volatile long bytes;

		Job(String id, String owner, Kind kind, JournalSearch.Criteria criteria, String purpose, String requisition,
				Instant createdAt) {
			this.id = id;
			this.owner = owner;
			this.kind = kind;
			this.criteria = criteria;
			this.purpose = purpose;
			this.requisition = requisition;
			this.createdAt = createdAt;
		}

		public String id() {
			return id;
		}

		public String owner() {
			return owner;
		}

		public Kind kind() {
			return kind;
		}

		public JournalSearch.Criteria criteria() {
			return criteria;
		}

		public String purpose() {
			return purpose;
		}

		public String requisition() {
			return requisition;
		}

		public Instant createdAt() {
			return createdAt;
		}

		public JournalSearch.Progress progress() {
			return progress;
		}

		public State state() {
			return state;
		}

		public JournalExporter.Summary summary() {
			return summary;
		}

		public String failure() {
			return failure;
		}

		public long bytes() {
			return bytes;
		}

		public boolean finished() {
			return state == State.DONE || state == State.FAILED;
		}

		public String filename() {
			return "journal-" + criteria.from().toString().replace(":", "") + "-" + criteria.to().toString().replace(":", "")
					+ (criteria.establishment() != null ? "-" + criteria.establishment() : "") + ".zip";
		}
	}

	private final JournalService service;
	private final JournalCustody custody;
	private final JdbcClient jdbc;
	private final Path directory;
	private final Map<String, Job> jobs = new ConcurrentHashMap<>();
	private final ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(8),
			r -> {
				Thread t = new Thread(r, "journal-export");
				t.setDaemon(true);
				return t;
			});

	JournalExportJobs(JournalService service, JournalCustody custody, JournalProperties properties, JdbcClient jdbc) {
		this.service = service;
		this.custody = custody;
		this.jdbc = jdbc;
		this.directory = properties.directory().resolve("exports");
	}

	/** Takes back the exports stored before a restart; those cut short by it are marked failed. */
	@EventListener(ApplicationReadyEvent.class)
	void restore() {
		List<Job> stored = jdbc.sql("select * from journal_export").query((rs, n) -> {
			Job j = new Job(rs.getString("id"), rs.getString("username"), Kind.valueOf(rs.getString("kind")),
					new JournalSearch.Criteria(rs.getTimestamp("from_at").toInstant(), rs.getTimestamp("to_at").toInstant(),
							rs.getString("establishment"), rs.getString("host"), rs.getString("sender"),
							rs.getString("searched_user"), rs.getString("text_query"), rs.getString("address")),
					rs.getString("purpose"), rs.getString("requisition"), rs.getTimestamp("created_at").toInstant());
			j.state = State.valueOf(rs.getString("state"));
			j.failure = rs.getString("failure");
			Long bytes = rs.getObject("archive_bytes", Long.class);
			j.bytes = bytes == null ? 0 : bytes;
			if (j.state == State.DONE) {
				j.summary = new JournalExporter.Summary(rs.getLong("line_count"), rs.getLong("tree_size"),
						rs.getString("lines_sha256"), rs.getObject("first_index", Long.class), rs.getObject("last_index", Long.class));
			}
			return j;
		}).list();
		for (Job j : stored) {
			if (!j.finished() && !jobs.containsKey(j.id())) {
				j.state = State.FAILED;
				j.failure = INTERRUPTED;
				saveState(j);
				try {
					Files.deleteIfExists(directory.resolve(j.id() + ".zip.part"));
				}
				catch (IOException e) {
					// removed by the daily clean-up
				}
			}
			jobs.putIfAbsent(j.id(), j);
		}
	}

	private void insert(Job j) {
		JournalSearch.Criteria c = j.criteria();
		jdbc.sql("""
				insert into journal_export (id, username, kind, from_at, to_at, establishment, host, sender, searched_user,
				text_query, address, purpose, requisition, created_at, state)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(j.id(), j.owner(), j.kind().name(), Timestamp.from(c.from()), Timestamp.from(c.to()), c.establishment(),
					c.host(), c.sender(), c.user(), c.q(), c.address(), j.purpose(), j.requisition(),
					Timestamp.from(j.createdAt()), j.state().name())
			.update();
	}

	private void saveState(Job j) {
		JournalExporter.Summary s = j.summary();
		jdbc.sql("""
				update journal_export set state = ?, failure = ?, archive_bytes = ?, line_count = ?, tree_size = ?,
				lines_sha256 = ?, first_index = ?, last_index = ? where id = ?""")
			.params(j.state().name(), j.failure() == null ? null : truncate(j.failure(), 1000), j.bytes(),
					s == null ? null : s.lines(), s == null ? null : s.treeSize(), s == null ? null : s.linesSha256(),
					s == null ? null : s.firstIndex(), s == null ? null : s.lastIndex(), j.id())
			.update();
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	/** Checks the request (access, purpose) and queues the export; the checks fail before anything is queued. */
	public Job start(EntenteUser who, Kind kind, JournalSearch.Criteria c, String purpose, String requisition) {
		service.checkExport(who, purpose, requisition);
		if (kind == Kind.REQUISITION && JournalRequests.blank(requisition) == null) {
			throw ProblemException.invalidParameter("requisition", "Indiquez la référence de la réquisition (son numéro dans le registre de sécurité).");
		}
		Job job = new Job(UUID.randomUUID().toString(), who.getUsername(), kind, c, purpose.trim(),
				JournalRequests.blank(requisition), Instant.now());
		jobs.put(job.id(), job);
		insert(job);
		try {
			executor.execute(() -> run(who, job));
		}
		catch (RejectedExecutionException e) {
			jobs.remove(job.id());
			jdbc.sql("delete from journal_export where id = ?").param(job.id()).update();
			throw ProblemException.conflict("Exports en attente", "Huit exports attendent déjà ; réessayez quand l'un d'eux est prêt.");
		}
		return job;
	}

	private void run(EntenteUser who, Job job) {
		job.state = State.RUNNING;
		saveState(job);
		Path part = directory.resolve(job.id() + ".zip.part");
		try {
			Files.createDirectories(directory);
			try (OutputStream out = Files.newOutputStream(part)) {
				job.summary = service.export(who, job.criteria(), job.purpose(), job.requisition(), out, job.progress());
			}
			Files.move(part, archive(job), StandardCopyOption.REPLACE_EXISTING);
			job.bytes = Files.size(archive(job));
			job.state = State.DONE;
			saveState(job);
		}
		catch (IOException | RuntimeException e) {
			log.warn("Journal export {} failed", job.id(), e);
			job.failure = e.getMessage();
			job.state = State.FAILED;
			try {
				saveState(job);
			}
			catch (RuntimeException stateNotSaved) {
				log.warn("Journal export {}: state not saved", job.id(), stateNotSaved);
			}
			try {
				Files.deleteIfExists(part);
			}
			catch (IOException ignored) {
				// removed by the daily clean-up
			}
		}
	}

	private Path archive(Job job) {
		return directory.resolve(job.id() + ".zip");
	}

	/** A job of this person (others' exports are not found: 404). */
	public Job get(EntenteUser who, String id) {
		Job job = id == null ? null : jobs.get(id);
		if (job == null || !job.owner().equals(who.getUsername())) {
			throw ProblemException.notFound("Export introuvable", "Aucun export « " + id + " » parmi les vôtres (un export est gardé un jour).");
		}
		return job;
	}

	/** This person's exports, newest first. */
	public List<Job> mine(EntenteUser who) {
		List<Job> list = new ArrayList<>(jobs.values().stream().filter(j -> j.owner().equals(who.getUsername())).toList());
		list.sort(Comparator.comparing(Job::createdAt).reversed());
		return list;
	}

	/** The finished archive, the download written to the custody log. */
	public Optional<Path> download(EntenteUser who, String id) {
		JournalAccess.require(JournalAccess.mayExport(who));
		Job job = get(who, id);
		if (job.state() != State.DONE || !Files.exists(archive(job))) {
			return Optional.empty();
		}
		custody.record(who.getUsername(), who.role().name(), "DOWNLOAD", job.criteria().describe(), job.purpose(),
				job.requisition(), job.summary().lines(), job.summary().treeSize());
		return Optional.of(archive(job));
	}

	/** Removes archives older than a day, and the jobs that made them. */
	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	public void cleanUp() {
		Instant before = Instant.now().minus(KEEP);
		jobs.values().removeIf(j -> j.finished() && j.createdAt().isBefore(before));
		jdbc.sql("delete from journal_export where created_at < ? and state in ('DONE', 'FAILED')")
			.param(Timestamp.from(before))
			.update();
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> files = Files.list(directory)) {
			files.filter(f -> {
				try {
					return Files.getLastModifiedTime(f).toInstant().isBefore(before);
				}
				catch (IOException e) {
					return false;
				}
			}).forEach(f -> {
				try {
					Files.deleteIfExists(f);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (IOException | UncheckedIOException e) {
			log.warn("Journal exports clean-up: {}", e.getMessage());
		}
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
