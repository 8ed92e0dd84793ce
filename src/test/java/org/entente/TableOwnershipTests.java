package org.entente;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each table has one owner, and only its owner's SQL names it (docs/developing.md, « Base de données »): the SQL in
 * every module's Java sources (string literals and text blocks) and in the Flyway migrations of its version range.
 * What a module needs from another comes through that module's API or its events. New tables carry their module's
 * name as prefix ({@code security_incident}); the tables below predate that rule.
 */
class TableOwnershipTests {

	/** Tables named before module prefixes, with their owner ({@code platform}: infrastructure any module may rely on). */
	static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("convention_version", "convention"),
			Map.entry("establishment", "directory"), Map.entry("account", "directory"),
			Map.entry("mail_delivery", "notification"), Map.entry("in_app_notification", "notification"),
			Map.entry("ticket", "helpdesk"), Map.entry("saved_filter", "helpdesk"), Map.entry("shedlock", "platform"),
			Map.entry("event_publication", "platform"),
			// Spring Session JDBC's tables: the directory ends a disabled account's sessions there.
			Map.entry("spring_session", "directory"), Map.entry("spring_session_attributes", "directory"),
			Map.entry("establishment_network_range", "directory"));

	/** Short prefixes of the first modules; any other module's tables start with its own name and an underscore. */
	static final Map<String, String> PREFIXES = Map.of("gov_", "governance", "inv_", "inventory", "ticket_", "helpdesk");

	/**
	 * Migrations by version range (docs/developing.md): V1–V19 the foundation, then one range per module (helpdesk has
	 * a second one, V110–V119, its first being full).
	 */
	static Set<String> migrationOwners(int version) {
		if (version < 20) {
			return Set.of("convention", "directory", "notification", "web", "platform");
		}
		if (version < 30) {
			return Set.of("governance");
		}
		if (version < 40) {
			return Set.of("helpdesk");
		}
		if (version < 50) {
			return Set.of("inventory");
		}
		if (version < 60) {
			return Set.of("security");
		}
		if (version < 70) {
			return Set.of("journal");
		}
		if (version < 80) {
			return Set.of("privacy");
		}
		if (version < 90) {
			return Set.of("reporting");
		}
		if (version < 100) {
			return Set.of("policy");
		}
		if (version < 110) {
			return Set.of("webhook");
		}
		if (version < 120) {
			return Set.of("helpdesk"); // its second range, V30–V39 being full
		}
		return Set.of();
	}

	/**
	 * Foreign keys to the directory's establishment key that predate this rule (integrity of the UAI, not a read);
	 * a new one is refused like any other reference: keep the UAI as a value and ask {@code Establishments}.
	 */
	static final Set<String> KNOWN_FOREIGN_KEYS = Set.of("V30__helpdesk.sql → establishment",
			"V40__inventory.sql → establishment", "V42__referentiel_purchases_software.sql → establishment");

	static final Pattern REFERENCE = Pattern.compile(
			"\\b(from|join|into|update|table|on|references)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

	static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

	static final Path SOURCES = Path.of("src/main/java/org/entente");

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** The owner of a table, or null for a name that is no table of the application. */
	static String owner(String table, Set<String> modules) {
		String t = table.toLowerCase(java.util.Locale.ROOT);
		if (OWNERS.containsKey(t)) {
			return OWNERS.get(t);
		}
		for (var p : PREFIXES.entrySet()) {
			if (t.startsWith(p.getKey())) {
				return p.getValue();
			}
		}
		return modules.stream().filter(m -> t.startsWith(m + "_")).findFirst().orElse(null);
	}

	/** The tables of other modules that this SQL names: « kind table » for each. */
	static List<String> foreign(String sql, Set<String> own, Set<String> modules) {
		List<String> found = new ArrayList<>();
		Matcher m = REFERENCE.matcher(sql);
		while (m.find()) {
			String owner = owner(m.group(2), modules);
			if (owner != null && !own.contains(owner) && !owner.equals("platform")) {
				found.add(m.group(1).toLowerCase(java.util.Locale.ROOT) + " " + m.group(2) + " (" + owner + ")");
			}
		}
		return found;
	}

	/** The text of every string literal and text block of a Java source: where its SQL is. */
	static String literals(String source) {
		StringBuilder sb = new StringBuilder();
		Matcher m = LITERAL.matcher(source);
		while (m.find()) {
			sb.append(m.group(1) != null ? m.group(1) : m.group(2)).append('\n');
		}
		return sb.toString();
	}

	static Set<String> modules() {
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			return Set.copyOf(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String read(Path p) {
		try {
			return Files.readString(p);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void aModulesJavaNamesOnlyItsOwnTables() throws IOException {
		Set<String> modules = modules();
		List<String> violations = new ArrayList<>();
		int statements = 0;
		for (String module : modules) {
			try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
				for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
					String sql = literals(read(f));
					statements += (int) REFERENCE.matcher(sql).results().filter(r -> owner(r.group(2), modules) != null).count();
					foreign(sql, Set.of(module), modules).forEach(v -> violations.add(f + " : " + v));
				}
			}
		}
		assertThat(statements).as("the scan finds the modules' SQL").isGreaterThan(100);
		assertThat(violations).as("SQL naming another module's table").isEmpty();
	}

	@Test
	void eachMigrationNamesOnlyItsModulesTablesAndEveryTableHasAnOwner() throws IOException {
		Set<String> modules = modules();
		List<String> violations = new ArrayList<>();
		Pattern create = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
				String name = f.getFileName().toString();
				String sql = read(f).replaceAll("--[^\\n]*", "");
				int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
				Set<String> own = migrationOwners(version);
				if (own.isEmpty()) {
					violations.add(name + " : no module owns this version range (reserve one in docs/developing.md)");
				}
				create.matcher(sql).results().map(r -> r.group(1)).filter(t -> owner(t, modules) == null)
					.forEach(t -> violations.add(name + " : table " + t + " has no owner (prefix it with its module)"));
				for (String v : foreign(sql, own, modules)) {
					String table = v.split(" ")[1];
					if (!(v.startsWith("references ") && KNOWN_FOREIGN_KEYS.contains(name + " → " + table))) {
						violations.add(name + " : " + v);
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void theCheckCatchesAReadOfAnotherModulesTable() {
		Set<String> modules = modules();
		String source = """
				class Referentiel {
					// a comment naming establishment is not SQL
					List<String> uais() {
						return jdbc.sql("select uai from establishment where kind = 'COLLEGE'").query(String.class).list();
					}
					String own = \"""
							select count(*) from inv_asset a join ticket t on t.asset_id = a.id\""";
				}
				""";
		assertThat(foreign(literals(source), Set.of("inventory"), modules))
			.containsExactly("from establishment (directory)", "join ticket (helpdesk)");
		assertThat(owner("security_incident", Set.of("security"))).isEqualTo("security");
		assertThat(owner("incident", modules)).isNull();
	}
}
