package org.entente.journal.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.journal.internal.export.JournalExporter;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.Merkle;
import org.entente.journal.internal.store.TreeHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Search, export, verification, tree heads and retention, each access written to the custody log. */
@Service
public class JournalService {

	private static final Logger log = LoggerFactory.getLogger(JournalService.class);

	private final JournalRuntime runtime;
	private final JournalSearch search;
	private final JournalCustody custody;
	private final JournalRetention retention;

	JournalService(JournalRuntime runtime, JournalSearch search, JournalCustody custody, JournalRetention retention) {
		this.runtime = runtime;
		this.search = search;
		this.custody = custody;
		this.retention = retention;
	}

	public JournalSearch.Result search(EntenteUser who, JournalSearch.Criteria c, String purpose, int page, int size) {
		JournalAccess.require(JournalAccess.maySearch(who));
		JournalSearch.Result r = search.search(c, page, size);
		custody.record(who.getUsername(), who.role().name(), "SEARCH", c.describe() + " (page " + page + ")", purpose, null,
				r.capped() ? -1L : r.total(), r.treeSize());
		return r;
	}

	/** Checks an export request before the archive is streamed. */
	public void checkExport(EntenteUser who, String purpose, String requisition) {
		JournalAccess.require(JournalAccess.mayExport(who));
		if (purpose == null || purpose.isBlank()) {
			throw ProblemException.invalidParameter("purpose", "Indiquez l'objet de l'export (« purpose ») : réquisition, envoi périodique à l'Académie…");
		}
		if (purpose.length() > 500) {
			throw ProblemException.invalidParameter("purpose", "L'objet de l'export dépasse 500 caractères.");
		}
		if (requisition != null && requisition.length() > 100) {
			throw ProblemException.invalidParameter("requisition", "La référence de réquisition dépasse 100 caractères.");
		}
	}

	/** Streams the archive; the export is in the custody log whatever happens to the stream. */
	public JournalExporter.Summary export(EntenteUser who, JournalSearch.Criteria c, String purpose, String requisition,
			OutputStream out) throws IOException {
		return export(who, c, purpose, requisition, out, new JournalSearch.Progress());
	}

	/** As above, telling {@code progress} how far it is (the export page). */
	public JournalExporter.Summary export(EntenteUser who, JournalSearch.Criteria c, String purpose, String requisition,
			OutputStream out, JournalSearch.Progress progress) throws IOException {
		checkExport(who, purpose, requisition);
		TreeHead head = freshHead();
		JournalExporter.Summary summary = null;
		try {
			Map<String, Object> about = new LinkedHashMap<>();
			about.put("purpose", purpose.trim());
			about.put("requisition", JournalRequests.blank(requisition));
			about.put("exportedBy", who.getUsername());
			about.put("exportedAt", Instant.now().toString());
			summary = JournalExporter.write(out, runtime.store(), search, head, c, about, progress);
			return summary;
		}
		finally {
			custody.record(who.getUsername(), who.role().name(), "EXPORT", c.describe(), purpose.trim(),
					JournalRequests.blank(requisition), summary == null ? null : summary.lines(), head.treeSize());
		}
	}

	/** A tree head over every line received so far (signed now, after the writer has synced). */
	public TreeHead freshHead() {
		return onWriter(s -> s.signTreeHead(System.currentTimeMillis()), 30);
	}

	private interface StoreWork<T> {
		T apply(JournalStore store) throws IOException;
	}

	/** Runs work on the writing thread, after what is queued, and waits for it. */
	private <T> T onWriter(StoreWork<T> work, long timeoutSeconds) {
		try {
			return runtime.writer().call(s -> {
				try {
					return work.apply(s);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}).get(timeoutSeconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("the journal writer could not do it: " + e.getMessage(), e);
		}
	}

	public TreeHead latestHead() {
		TreeHead h = runtime.store().latestHead();
		return h != null ? h : freshHead();
	}

	public JournalStore.Verification verify(EntenteUser who) {
		JournalAccess.require(JournalAccess.mayVerify(who));
		JournalStore.Verification v = runtime.store().verify();
		custody.record(who.getUsername(), who.role().name(), "VERIFY", "journal entier", null, null, v.lines(), v.treeSize());
		return v;
	}

	/** RFC 9162 consistency proof between two tree sizes (each at most the latest signed head). */
	public List<byte[]> consistency(EntenteUser who, long first, long second) {
		JournalAccess.require(JournalAccess.mayVerify(who));
		TreeHead h = latestHead();
		if (first < 1) {
			throw ProblemException.invalidParameter("first", "« first » est une taille d'arbre d'au moins 1.");
		}
		if (second < first || second > h.treeSize()) {
			throw ProblemException.invalidParameter("second", "« second » va de « first » à la taille de la dernière tête signée (" + h.treeSize() + ").");
		}
		try {
			return Merkle.consistencyProof(runtime.store().nodes(), first, second);
		}
		catch (IllegalStateException e) {
			throw ProblemException.invalidParameter("first", "Les lignes de cette taille d'arbre ont été purgées ; choisissez une taille plus récente.");
		}
	}

	/**
	 * Retention: removes whole segments older than the retention period (the convention file's, see
	 * {@link JournalRetention}), recorded in the custody log with the period and its clause.
	 */
	@Scheduled(cron = "${entente.journal.purge-cron:0 30 3 * * *}", zone = "Europe/Paris")
	public void purgeExpired() {
		purge(Instant.now());
	}

	public JournalStore.Purge purge(Instant now) {
		JournalRetention.Rule rule = retention.current();
		Period keep = rule.period();
		Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(keep).toInstant();
		JournalStore.Purge p = onWriter(s -> s.purgeBefore(cutoff, now), 300);
		if (p.segments() > 0) {
			custody.record("entente", "SYSTEM", "PURGE", "lignes reçues avant " + cutoff + " (conservation " + rule.describe() + ")",
					"durée de conservation", null, p.toIndex() - p.fromIndex(), p.toIndex());
			log.info("Journal: purged lines {} to {} ({} segments) received before {}", p.fromIndex(), p.toIndex() - 1,
					p.segments(), cutoff);
		}
		return p;
	}

	public JournalRetention.Rule retention() {
		return retention.current();
	}

	public JournalRuntime runtime() {
		return runtime;
	}
}
