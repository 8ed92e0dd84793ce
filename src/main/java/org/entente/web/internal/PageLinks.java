package org.entente.web.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;

/**
 * The links pages write with {@code @{...}}: a link to an asset goes through the resource chain (its
 * content-versioned address, /css/entente-&lt;md5&gt;.css), a link to a page does not. The chain looks every link up
 * as a static file, in each static location of the application's jar, and does not remember a miss: for a page link
 * (/tickets?party=CD) that is wasted work at every link of every page. The dashboard writes 137 links; at a load of
 * 16 on two cores, thread dumps showed most of its 470 ms there (docs/benchmarks.md, issue 13). Every asset has an
 * extension (.css, .js, .svg, .woff2…); a path whose last segment has none is a page, written with its context path
 * and without the lookup (the session is never in the address: Spring Security turns URL rewriting off).
 */
class PageLinks extends StandardLinkBuilder {

	/** Installs the link builder in the template engine, before its first page. */
	static class Installer implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof TemplateEngine engine) {
				engine.setLinkBuilder(new PageLinks());
			}
			return bean;
		}
	}

	/** Whether a link (its query and fragment aside) may name a static file: its last segment has an extension. */
	static boolean mayBeAsset(String link) {
		int end = link.length();
		for (char c : new char[] { '?', '#' }) {
			int i = link.indexOf(c);
			if (i >= 0 && i < end) {
				end = i;
			}
		}
		String path = link.substring(0, end);
		return path.lastIndexOf('.') > path.lastIndexOf('/');
	}

	@Override
	protected String processLink(IExpressionContext context, String link) {
		return mayBeAsset(link) ? super.processLink(context, link) : link;
	}
}
