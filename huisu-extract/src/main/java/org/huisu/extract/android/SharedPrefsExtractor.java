package org.huisu.extract.android;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.huisu.core.audit.SecretRedactor;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.pipeline.Emitter;
import org.huisu.core.pipeline.Extractor;
import org.huisu.core.pipeline.Item;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An Android app's {@code shared_prefs/*.xml}: every setting recorded on the file's artifact, the
 * endpoints, bucket names and access key ids among them picked out, and secrets masked — a secret
 * never reaches the case. An access key id becomes an actor.
 */
public final class SharedPrefsExtractor implements Extractor {

    private static final Pattern PACKAGE = Pattern.compile("data/data/([^/]+)/shared_prefs/");
    private static final Pattern KEY_ID = Pattern.compile("(?i).*(access_?key_?id|accesskeyid|key_?id|^ak$|_ak$"
            + "|secret_?id|secretid).*");
    private static final Pattern ENDPOINT = Pattern.compile("(?i).*(endpoint|host|domain|server|base_?url|url).*");
    private static final Pattern BUCKET = Pattern.compile("(?i).*bucket.*");

    @Override
    public String name() {
        return "android-shared-prefs";
    }

    @Override
    public String description() {
        return "settings of Android apps (shared_prefs XML): endpoints, buckets and key ids, secrets masked";
    }

    @Override
    public boolean accepts(Item item) {
        return item.hasContent() && item.locator().contains("/shared_prefs/") && item.name().endsWith(".xml");
    }

    @Override
    public void extract(Item item, Emitter out) throws Exception {
        Document doc;
        try (InputStream in = item.open()) {
            doc = parser().parse(in);
        } catch (org.xml.sax.SAXException e) {
            out.problem("NOT_PREFERENCES", "the file is not a shared preferences XML file", e.getMessage());
            return;
        }
        Matcher pkg = PACKAGE.matcher(item.locator());
        String app = pkg.find() ? pkg.group(1) : null;
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Object> storage = new LinkedHashMap<>();
        NodeList nodes = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (!(nodes.item(i) instanceof Element e)) {
                continue;
            }
            String key = e.getAttribute("name");
            String value = e.hasAttribute("value") ? e.getAttribute("value") : text(e);
            boolean secret = SecretRedactor.namesASecret(key);
            settings.put(key, secret ? SecretRedactor.mask(value) : typed(e.getTagName(), value));
            if (secret) {
                continue;
            }
            String k = key.toLowerCase(Locale.ROOT);
            if (KEY_ID.matcher(k).matches() && value.length() >= 8) {
                storage.put("accessKeyId", value);
                out.actor(new Actor(null, ActorKind.ACCESS_KEY, value, List.of(), Map.of("foundIn", "shared_prefs",
                        "app", app == null ? "" : app)));
            } else if (BUCKET.matcher(k).matches()) {
                storage.put("bucket", value);
            } else if (ENDPOINT.matcher(k).matches() && value.contains(".")) {
                storage.put("endpoint", value);
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("android.package", app);
        attributes.put("android.preferences", settings);
        if (!storage.isEmpty()) {
            attributes.put("storage", storage);
        }
        out.describe("application/x-android-shared-preferences", attributes);
    }

    private static Object typed(String tag, String value) {
        try {
            return switch (tag) {
                case "int", "long" -> Long.parseLong(value);
                case "boolean" -> Boolean.parseBoolean(value);
                case "float" -> Double.parseDouble(value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String text(Element e) {
        StringBuilder b = new StringBuilder();
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                b.append(n.getNodeValue());
            } else if (n instanceof Element child) {
                b.append(b.length() > 0 ? "," : "").append(text(child));
            }
        }
        return b.toString();
    }

    /** No DTDs, no external entities: evidence is read, never trusted. */
    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }
}
