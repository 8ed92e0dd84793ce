package org.entente.inventory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.entente.inventory.AssetData;

/** One changed field of one asset: who, when, from where, before and after. */
public record AssetChange(long assetId, Instant at, String by, String source, String field, String before,
		String after) {

	private record Field(String name, Function<AssetData, Object> value) {
	}

	private static final List<Field> FIELDS = List.of(new Field("uai", AssetData::uai),
			new Field("component", AssetData::component), new Field("network", AssetData::network),
			new Field("name", AssetData::name), new Field("serial", AssetData::serial),
			new Field("deviceId", AssetData::deviceId), new Field("manufacturer", AssetData::manufacturer),
			new Field("model", AssetData::model), new Field("funding", AssetData::funding),
			new Field("acquired", AssetData::acquired), new Field("warrantyEnd", AssetData::warrantyEnd),
			new Field("status", AssetData::status), new Field("building", AssetData::building),
			new Field("room", AssetData::room), new Field("socket", AssetData::socket),
			new Field("sharedBetweenNetworks", AssetData::sharedBetweenNetworks));

	/** The fields that differ between two versions of an asset. */
	static List<AssetChange> between(long assetId, AssetData before, AssetData after, String by, String source,
			Instant at) {
		List<AssetChange> changes = new ArrayList<>();
		for (Field f : FIELDS) {
			Object b = f.value().apply(before);
			Object a = f.value().apply(after);
			if (!Objects.equals(b, a)) {
				changes.add(new AssetChange(assetId, at, by, source, f.name(), b == null ? null : b.toString(),
						a == null ? null : a.toString()));
			}
		}
		return changes;
	}
}
