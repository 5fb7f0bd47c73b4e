package com.bulkupload.interfaces.taobao;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * TOP's response bodies, from one tree of maps, in either of its formats. A list is written as
 * TOP writes it: in XML {@code <name list="true"><item>..</item>..</name>}, in JSON
 * {@code "name":{"item":[..]}}, or with {@code simplify} a plain array (and no response wrapper).
 */
final class TopResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A list of objects, each named {@code itemName} in TOP's wrapped form. */
    record TopList(String itemName, List<Map<String, Object>> items) {
    }

    private TopResponses() {
    }

    static String render(String rootName, Map<String, Object> body, boolean xml, boolean simplify) {
        if (xml) {
            return xml(rootName, body);
        }
        Object tree = simplify ? unwrapLists(body, true) : Map.of(rootName, unwrapLists(body, false));
        try {
            return JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object unwrapLists(Object value, boolean simplify) {
        if (value instanceof TopList list) {
            List<Object> items = list.items().stream().map(item -> unwrapLists(item, simplify)).toList();
            return simplify ? items : Map.of(list.itemName(), items);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), unwrapLists(v, simplify)));
            return out;
        }
        return value;
    }

    private static String xml(String rootName, Map<String, Object> body) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter out = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            out.writeStartDocument("utf-8", "1.0");
            out.writeStartElement(rootName);
            write(out, body);
            out.writeEndElement();
            out.writeEndDocument();
            out.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(XMLStreamWriter out, Map<String, Object> fields) throws XMLStreamException {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getValue() == null) {
                continue;
            }
            out.writeStartElement(field.getKey());
            if (field.getValue() instanceof TopList list) {
                out.writeAttribute("list", "true");
                for (Map<String, Object> item : list.items()) {
                    out.writeStartElement(list.itemName());
                    write(out, item);
                    out.writeEndElement();
                }
            } else if (field.getValue() instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) map;
                write(out, nested);
            } else {
                out.writeCharacters(String.valueOf(field.getValue()));
            }
            out.writeEndElement();
        }
    }
}
