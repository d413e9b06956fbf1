package io.github.msghandler.karaf;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The component jar is an OSGi bundle that camel-karaf can load, and the features file installs it. */
class BundleAndFeaturesTest {
    private final String version = System.getProperty("msghandler.version");

    /** Header clauses split at commas outside quotes, keyed by their first element (the package). */
    private static Map<String, String> clauses(String header) {
        Map<String, String> clauses = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        for (String part : parts) {
            clauses.put(part.split(";")[0].trim(), part);
        }
        return clauses;
    }

    @Test
    void componentJarIsABundleWithOptionalArrowAndCamelServiceFiles() throws Exception {
        try (JarFile jar = new JarFile(System.getProperty("msghandler.bundle"))) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("io.github.msghandler.camel-msghandler", manifest.getValue("Bundle-SymbolicName"));
            assertEquals("2", manifest.getValue("Bundle-ManifestVersion"));
            Map<String, String> exports = clauses(manifest.getValue("Export-Package"));
            assertTrue(exports.keySet().containsAll(List.of("io.github.msghandler.camel", "io.github.msghandler.core",
                    "io.github.msghandler.core.store")), exports.keySet().toString());

            Map<String, String> imports = clauses(manifest.getValue("Import-Package"));
            imports.forEach((pkg, clause) -> {
                if (pkg.startsWith("org.apache.arrow") || pkg.equals("org.apache.camel.attachment")) {
                    assertTrue(clause.contains("resolution:=optional"), pkg + " must be optional: " + clause);
                }
            });
            assertTrue(imports.get("org.apache.camel").contains("[4.14,5)"), imports.get("org.apache.camel"));
            assertFalse(imports.containsKey("org.junit.jupiter.api"), "no test classes leak into the bundle");
            assertFalse(imports.containsKey("org.testcontainers"), "no test support leaks into the bundle");

            assertNotNull(jar.getEntry("META-INF/services/org/apache/camel/component/msghandler"));
            assertNotNull(jar.getEntry("META-INF/services/org/apache/camel/configurer/msghandler-endpoint"));
            assertNotNull(jar.getEntry("kamelets/msghandler-source.kamelet.yaml"));
        }
    }

    @Test
    void featuresFileInstallsTheBundleOnCamelKaraf() throws Exception {
        Path file = Path.of(System.getProperty("msghandler.features"));
        String text = Files.readString(file);
        assertFalse(text.contains("${"), "every property is filled in");
        Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(file.toFile());

        NodeList repositories = xml.getElementsByTagName("repository");
        assertEquals(1, repositories.getLength());
        assertTrue(repositories.item(0).getTextContent().startsWith(
                "mvn:org.apache.camel.karaf/apache-camel/4.14."), repositories.item(0).getTextContent());

        Map<String, Element> features = new LinkedHashMap<>();
        NodeList all = xml.getDocumentElement().getElementsByTagName("feature");
        for (int i = 0; i < all.getLength(); i++) {
            Element feature = (Element) all.item(i);
            if (feature.hasAttribute("name")) {
                features.put(feature.getAttribute("name"), feature);
            }
        }
        assertEquals(List.of("camel-msghandler", "camel-msghandler-arrow"), List.copyOf(features.keySet()));

        List<String> bundles = new ArrayList<>();
        NodeList bundleNodes = features.get("camel-msghandler").getElementsByTagName("bundle");
        for (int i = 0; i < bundleNodes.getLength(); i++) {
            bundles.add(bundleNodes.item(i).getTextContent().trim());
        }
        assertTrue(bundles.contains("mvn:io.github.msghandler/camel-msghandler/" + version), bundles.toString());
        assertTrue(bundles.stream().anyMatch(b -> b.startsWith("wrap:mvn:io.nats/jnats/"
                + System.getProperty("jnats.version") + "$")), "jnats wrapped at the version we build with");
        assertTrue(text.contains(">camel-core</feature>") && text.contains(">jackson</feature>"));
    }
}
