package org.entente.convention;

import java.util.List;

/** A heading of the annex («Infrastructure réseau») with the rows beneath it. */
public record Domain(String name, Area area, String section, List<Component> components) {
}
