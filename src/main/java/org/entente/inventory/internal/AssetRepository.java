package org.entente.inventory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.entente.convention.Funding;
import org.entente.inventory.Asset;
import org.entente.inventory.AssetData;
import org.entente.inventory.AssetStatus;
import org.entente.inventory.InventoryNetwork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assets and their change history in SQL; batch statements for imports. */
@Repository
public class AssetRepository {

	static final int BATCH = 1000;

	private static final String COLUMNS = "uai, component, network, name, name_key, serial, device_id, manufacturer, model, "
			+ "funding, acquired, warranty_end, status, building, room, socket, shared_between_networks";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	AssetRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A search filter; null parts are ignored. {@code scopeUai} restricts to one establishment. */
	record Filter(String uai, String serial, String namePrefix, String component, AssetStatus status, String scopeUai) {
	}

	public Optional<Asset> find(long id) {
		return jdbc.sql("select * from inv_asset where id = ?").param(id).query(AssetRepository::map).optional();
	}

	/** Spares (status SPARE) of one component at one establishment, or in the central stock when {@code uai} is null. */
	int countSpares(String uai, String component) {
		return (uai == null
				? jdbc.sql("select count(*) from inv_asset where uai is null and component = ? and status = 'SPARE'").param(component)
				: jdbc.sql("select count(*) from inv_asset where uai = ? and component = ? and status = 'SPARE'").params(uai, component))
			.query(Integer.class).single();
	}

	Optional<Asset> findBySerial(String serial) {
		return jdbc.sql("select * from inv_asset where serial = ?").param(serial).query(AssetRepository::map).optional();
	}

	Optional<Asset> findByDeviceId(String deviceId) {
		return jdbc.sql("select * from inv_asset where device_id = ?").param(deviceId).query(AssetRepository::map).optional();
	}

	/** Assets of one establishment (or any) whose name or serial starts with {@code text}. */
	/** An establishment's assets of one component that are not retired, by name (at most {@code limit}). */
	public List<Asset> ofComponent(String uai, String component, int limit) {
		return jdbc.sql("select * from inv_asset where uai = ? and component = ? and status <> 'RETIRED' order by name limit "
				+ limit).params(uai, component).query(AssetRepository::map).list();
	}

	public List<Asset> lookup(String uai, String text, int limit) {
		String prefix = nameKey(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		var spec = jdbc.sql("select * from inv_asset where " + (uai == null ? "" : "uai = :uai and ")
				+ "(name_key like :p escape '\\' or serial = :serial) order by name limit :limit")
			.param("p", prefix)
			.param("serial", text)
			.param("limit", limit);
		return (uai == null ? spec : spec.param("uai", uai)).query(AssetRepository::map).list();
	}

	/** The assets with these serials, by serial (queried in chunks). */
	Map<String, Asset> findBySerials(Collection<String> serials) {
		Map<String, Asset> found = new HashMap<>();
		List<String> all = new ArrayList<>(serials);
		for (int i = 0; i < all.size(); i += BATCH) {
			List<String> chunk = all.subList(i, Math.min(all.size(), i + BATCH));
			jdbc.sql("select * from inv_asset where serial in (:serials)")
				.param("serials", chunk)
				.query(AssetRepository::map)
				.list()
				.forEach(a -> found.put(a.data().serial(), a));
		}
		return found;
	}

	List<Asset> search(Filter f, int offset, int limit) {
		Where w = where(f);
		return jdbc.sql("select * from inv_asset" + w.sql + " order by id limit :limit offset :offset")
			.params(w.params)
			.param("limit", limit)
			.param("offset", offset)
			.query(AssetRepository::map)
			.list();
	}

	/** Counts up to {@code cap} matching assets (a broad search on a million rows need not count them all). */
	long count(Filter f, int cap) {
		Where w = where(f);
		return jdbc.sql("select count(*) from (select 1 from inv_asset" + w.sql + " limit " + cap + ") c")
			.params(w.params).query(Long.class).single();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(Filter f) {
		List<String> parts = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (f.scopeUai() != null) {
			parts.add("uai = :scope");
			params.put("scope", f.scopeUai());
		}
		if (f.uai() != null) {
			parts.add("uai = :uai");
			params.put("uai", f.uai());
		}
		if (f.serial() != null) {
			parts.add("serial = :serial");
			params.put("serial", f.serial());
		}
		if (f.namePrefix() != null) {
			parts.add("name_key like :name escape '\\'");
			params.put("name", nameKey(f.namePrefix()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (f.component() != null) {
			parts.add("component = :component");
			params.put("component", f.component());
		}
		if (f.status() != null) {
			// A literal, as for the desk's lists (docs/developing.md): few retired assets among many in service.
			parts.add("status = '" + f.status().name() + "'");
		}
		return new Where(parts.isEmpty() ? "" : " where " + String.join(" and ", parts), params);
	}

	static String nameKey(String name) {
		return name == null ? null : name.toLowerCase(Locale.ROOT);
	}

	long insert(AssetData d, String by, Instant at) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into inv_asset (" + COLUMNS + ", created_at, created_by, updated_at, updated_by) values ("
				+ "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(insertArgs(d, by, at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertAll(List<AssetData> list, String by, Instant at) {
		String sql = "insert into inv_asset (" + COLUMNS + ", created_at, created_by, updated_at, updated_by) values ("
				+ "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		for (int i = 0; i < list.size(); i += BATCH) {
			template.batchUpdate(sql, list.subList(i, Math.min(list.size(), i + BATCH)).stream()
				.map(d -> insertArgs(d, by, at))
				.toList());
		}
	}

	/** Updates every field and bumps the version; the history rows are written by {@link #recordChanges}. */
	void updateAll(List<Asset> changed, String by, Instant at) {
		String sql = "update inv_asset set uai = ?, component = ?, network = ?, name = ?, name_key = ?, serial = ?, "
				+ "device_id = ?, manufacturer = ?, model = ?, funding = ?, acquired = ?, warranty_end = ?, status = ?, "
				+ "building = ?, room = ?, socket = ?, shared_between_networks = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ?";
		for (int i = 0; i < changed.size(); i += BATCH) {
			template.batchUpdate(sql, changed.subList(i, Math.min(changed.size(), i + BATCH)).stream().map(a -> {
				Object[] data = fields(a.data());
				Object[] args = java.util.Arrays.copyOf(data, data.length + 3);
				args[data.length] = Timestamp.from(at);
				args[data.length + 1] = by;
				args[data.length + 2] = a.id();
				return args;
			}).toList());
		}
	}

	/** Optimistic update of one asset: false when {@code expectedVersion} is no longer current. */
	boolean update(long id, long expectedVersion, AssetData d, String by, Instant at) {
		Object[] data = fields(d);
		Object[] args = java.util.Arrays.copyOf(data, data.length + 4);
		args[data.length] = Timestamp.from(at);
		args[data.length + 1] = by;
		args[data.length + 2] = id;
		args[data.length + 3] = expectedVersion;
		return jdbc.sql("update inv_asset set uai = ?, component = ?, network = ?, name = ?, name_key = ?, serial = ?, "
				+ "device_id = ?, manufacturer = ?, model = ?, funding = ?, acquired = ?, warranty_end = ?, status = ?, "
				+ "building = ?, room = ?, socket = ?, shared_between_networks = ?, version = version + 1, updated_at = ?, updated_by = ? "
				+ "where id = ? and version = ?")
			.params(args)
			.update() == 1;
	}

	void recordChanges(List<AssetChange> changes) {
		String sql = "insert into inv_asset_change (asset_id, changed_at, changed_by, source, field, before_value, after_value) "
				+ "values (?, ?, ?, ?, ?, ?, ?)";
		for (int i = 0; i < changes.size(); i += BATCH) {
			template.batchUpdate(sql, changes.subList(i, Math.min(changes.size(), i + BATCH)).stream()
				.map(c -> new Object[] { c.assetId(), Timestamp.from(c.at()), c.by(), c.source(), c.field(),
						truncate(c.before()), truncate(c.after()) })
				.toList());
		}
	}

	List<AssetChange> history(long assetId) {
		return jdbc.sql("select * from inv_asset_change where asset_id = ? order by changed_at desc, id desc")
			.param(assetId)
			.query((rs, n) -> new AssetChange(rs.getLong("asset_id"), rs.getTimestamp("changed_at").toInstant(),
					rs.getString("changed_by"), rs.getString("source"), rs.getString("field"),
					rs.getString("before_value"), rs.getString("after_value")))
			.list();
	}

	private static String truncate(String s) {
		return s == null || s.length() <= 300 ? s : s.substring(0, 299) + "…";
	}

	private static Object[] insertArgs(AssetData d, String by, Instant at) {
		Object[] data = fields(d);
		Object[] args = java.util.Arrays.copyOf(data, data.length + 4);
		args[data.length] = Timestamp.from(at);
		args[data.length + 1] = by;
		args[data.length + 2] = Timestamp.from(at);
		args[data.length + 3] = by;
		return args;
	}

	private static Object[] fields(AssetData d) {
		return new Object[] { d.uai(), d.component(), d.network().name(), d.name(), nameKey(d.name()), d.serial(),
				d.deviceId(), d.manufacturer(), d.model(), d.funding().name(), date(d.acquired()), date(d.warrantyEnd()),
				d.status().name(), d.building(), d.room(), d.socket(), d.sharedBetweenNetworks() };
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	static Asset map(ResultSet rs, int row) throws SQLException {
		Date acquired = rs.getDate("acquired");
		Date warranty = rs.getDate("warranty_end");
		AssetData d = new AssetData(rs.getString("uai"), rs.getString("component"),
				InventoryNetwork.valueOf(rs.getString("network")), rs.getString("name"), rs.getString("serial"),
				rs.getString("device_id"), rs.getString("manufacturer"), rs.getString("model"),
				Funding.valueOf(rs.getString("funding")), acquired == null ? null : acquired.toLocalDate(),
				warranty == null ? null : warranty.toLocalDate(), AssetStatus.valueOf(rs.getString("status")),
				rs.getString("building"), rs.getString("room"), rs.getString("socket"), rs.getBoolean("shared_between_networks"));
		return new Asset(rs.getLong("id"), d, rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}
}
