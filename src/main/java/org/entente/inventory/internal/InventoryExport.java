package org.entente.inventory.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.entente.common.CsvWriter;
import org.entente.inventory.Asset;
import org.entente.inventory.AssetData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exhaustive inventory (the convention asks the Département to give the Académie the pedagogical network's),
 * streamed row by row from a database cursor into CSV or XLSX, within the reader's scope. Nothing is held in memory.
 */
@Service
public class InventoryExport {

	static final List<String> COLUMNS = List.of("id", "uai", "component", "network", "name", "serial", "manufacturer",
			"model", "funding", "acquired", "warrantyEnd", "status", "building", "room", "socket", "deviceId", "updatedAt");

	/** An XLSX sheet holds 1,048,576 rows; beyond, use the CSV. */
	static final int XLSX_MAX_ROWS = 1_048_575;

	private final JdbcTemplate jdbc;

	InventoryExport(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private interface RowSink {
		void row(Asset a) throws IOException;
	}

	@Transactional(readOnly = true)
	public void csv(InventoryPermissions.Scope scope, OutputStream out) throws IOException {
		// «,» as this export always had: the Académie's tools read it so (see CsvWriter for the rest).
		try (CsvWriter csv = CsvWriter.to(out, COLUMNS, ',')) {
			each(scope, a -> csv.row(values(a)));
		}
	}

	@Transactional(readOnly = true)
	public void xlsx(InventoryPermissions.Scope scope, OutputStream out) throws IOException {
		Workbook wb = new Workbook(out, "Entente", "1.0");
		Worksheet ws = wb.newWorksheet("Inventaire");
		for (int c = 0; c < COLUMNS.size(); c++) {
			ws.value(0, c, COLUMNS.get(c));
			ws.style(0, c).bold().set();
		}
		int[] row = { 1 };
		each(scope, a -> {
			if (row[0] > XLSX_MAX_ROWS) {
				return;
			}
			List<Object> v = values(a);
			for (int c = 0; c < v.size(); c++) {
				Object o = v.get(c);
				if (o instanceof Long l) {
					ws.value(row[0], c, l);
				}
				else if (o != null) {
					ws.value(row[0], c, o.toString());
				}
			}
			if (++row[0] % 10_000 == 0) {
				ws.flush();
			}
		});
		wb.finish();
	}

	private void each(InventoryPermissions.Scope scope, RowSink sink) {
		String sql = "select * from inv_asset" + (scope.all() ? "" : " where uai = ?") + " order by uai, id";
		Object[] args = scope.all() ? new Object[0] : new Object[] { scope.uai() };
		jdbc.query(con -> {
			var ps = con.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
			ps.setFetchSize(1000);
			for (int i = 0; i < args.length; i++) {
				ps.setObject(i + 1, args[i]);
			}
			return ps;
		}, rs -> {
			try {
				sink.row(AssetRepository.map(rs, 0));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	private static List<Object> values(Asset a) {
		AssetData d = a.data();
		return java.util.Arrays.asList(a.id(), d.uai(), d.component(), d.network(), d.name(), d.serial(), d.manufacturer(),
				d.model(), d.funding(), d.acquired(), d.warrantyEnd(), d.status(), d.building(), d.room(), d.socket(),
				d.deviceId(), a.updatedAt());
	}
}
