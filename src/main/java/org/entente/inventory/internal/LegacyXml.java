package org.entente.inventory.internal;

import org.entente.common.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.http.HttpStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the XML of the OCS / FusionInventory protocol ({@code <REQUEST><QUERY>…</QUERY><DEVICEID>…<CONTENT>…})
 * into the same tree as GLPI Agent's JSON: element names in lower case, a repeated element becomes an array, a
 * leaf its text. Hostile XML is refused before anything is read from it: no DTD at all (so no external entity, no
 * entity expansion: XXE and billion laughs both fail at the DOCTYPE), no XInclude, the same nesting (32) and string
 * (64 Kio) limits as JSON; the size and compression limits are those of {@link GlpiPayload#decode}.
 */
final class LegacyXml {

	static final int MAX_DEPTH = 32;

	private static final DocumentBuilderFactory FACTORY = factory();

	private LegacyXml() {
	}

	private static DocumentBuilderFactory factory() {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature("http://xml.org/sax/features/external-general-entities", false);
			f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			f.setNamespaceAware(false);
			return f;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("Analyseur XML sans les protections requises", e);
		}
	}

	/** The root element ({@code REQUEST}) as a tree; a refusal is a problem document that says why. */
	static ObjectNode read(byte[] xml) {
		Document doc;
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			builder.setErrorHandler(null);
			doc = builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXException e) {
			String m = String.valueOf(e.getMessage());
			if (m.contains("DOCTYPE")) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "XML refusé",
						"Le message XML contient une déclaration DOCTYPE : DTD et entités sont refusées (protection XXE).");
			}
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "XML invalide", "Le message n'est pas un XML valide : " + truncate(m, 200));
		}
		catch (ParserConfigurationException | IOException e) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "XML invalide", "Le message XML ne se lit pas : " + truncate(String.valueOf(e.getMessage()), 200));
		}
		Element root = doc.getDocumentElement();
		if (!"REQUEST".equalsIgnoreCase(root.getTagName())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "XML invalide",
					"L'élément racine est « " + truncate(root.getTagName(), 40) + " » : REQUEST attendu (protocole OCS / FusionInventory).");
		}
		JsonNode tree = convert(root, 1);
		return tree instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
	}

	private static JsonNode convert(Element element, int depth) {
		if (depth > MAX_DEPTH) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Message refusé",
					"Le message XML dépasse " + MAX_DEPTH + " niveaux d'imbrication.");
		}
		ObjectNode object = null;
		StringBuilder text = new StringBuilder();
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			Node child = children.item(i);
			if (child instanceof Element e) {
				if (object == null) {
					object = JsonNodeFactory.instance.objectNode();
				}
				String name = e.getTagName().toLowerCase(Locale.ROOT);
				JsonNode value = convert(e, depth + 1);
				JsonNode existing = object.get(name);
				if (existing == null) {
					object.set(name, value);
				}
				else if (existing instanceof ArrayNode array) {
					array.add(value);
				}
				else {
					ArrayNode array = JsonNodeFactory.instance.arrayNode();
					array.add(existing);
					array.add(value);
					object.set(name, array);
				}
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue());
				if (text.length() > GlpiPayload.MAX_STRING) {
					throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Message refusé",
							"Une valeur du message XML dépasse " + GlpiPayload.MAX_STRING / 1024 + " Kio.");
				}
			}
		}
		return object != null ? object : JsonNodeFactory.instance.stringNode(text.toString().strip());
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max) + "…";
	}
}
