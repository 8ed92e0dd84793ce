package org.entente.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which links go through the resource chain: assets (an extension), never pages (PagesAsLivedBrowserTests checks the versioned assets). */
class PageLinksTest {

	@Test
	void onlyAPathEndingWithAnExtensionMayBeAnAsset() {
		assertThat(PageLinks.mayBeAsset("/css/entente.css")).isTrue();
		assertThat(PageLinks.mayBeAsset("/webjars/bootstrap/5.3.8/css/bootstrap.min.css")).isTrue();
		assertThat(PageLinks.mayBeAsset("/indicateurs/comites/STRATEGIC.pdf?from=2026-01-01")).isTrue();
		assertThat(PageLinks.mayBeAsset("/tickets?openOnly=true&party=CD&establishment=0359901X")).isFalse();
		assertThat(PageLinks.mayBeAsset("/tickets?q=a.b#x.y")).isFalse();
		assertThat(PageLinks.mayBeAsset("/v1.2/tickets")).isFalse();
		assertThat(PageLinks.mayBeAsset("/")).isFalse();
	}
}
