package dlbugs.charts;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A chart parsed as XML, as a browser would read it: the parse fails on any markup a label broke. */
final class Svg {

    private final Document doc;

    private Svg(Document doc) {
        this.doc = doc;
    }

    static Svg parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return new Svg(f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage() + "\n" + svg, e);
        }
    }

    Element root() {
        return doc.getDocumentElement();
    }

    List<Element> all(String tag) {
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** @return the elements of a kind whose tooltip ({@code <title>} child) contains {@code text} */
    List<Element> withTooltip(String tag, String text) {
        return all(tag).stream().filter(e -> tooltip(e).contains(text)).toList();
    }

    List<String> texts() {
        return all("text").stream().map(e -> e.getLastChild() == null ? "" : e.getLastChild().getTextContent()).toList();
    }

    static String tooltip(Element e) {
        NodeList titles = e.getElementsByTagNameNS("*", "title");
        return titles.getLength() == 0 ? "" : titles.item(0).getTextContent();
    }

    static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }
}
