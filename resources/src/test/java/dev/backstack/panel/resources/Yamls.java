package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads (multi-document) YAML into Jackson trees: the shipped install data and upstream files. */
final class Yamls {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    /** Where the install data lives on the classpath. */
    static final String INSTALL = "/dev/backstack/panel/resources/install/";

    private Yamls() {}

    /** All non-empty documents of a classpath resource below {@link #INSTALL}. */
    static List<JsonNode> install(String relative) {
        String name = INSTALL + relative;
        try (InputStream in = Yamls.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("not on the classpath: " + name);
            }
            return readAll(in);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** The single document of a classpath resource below {@link #INSTALL}. */
    static JsonNode installOne(String relative) {
        List<JsonNode> docs = install(relative);
        if (docs.size() != 1) {
            throw new IllegalStateException(relative + " has " + docs.size() + " documents, expected 1");
        }
        return docs.get(0);
    }

    static List<JsonNode> file(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return readAll(in);
        } catch (IOException e) {
            throw new UncheckedIOException(path.toString(), e);
        }
    }

    static JsonNode parse(String yaml) {
        try {
            return MAPPER.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> readAll(InputStream in) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(in)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }
}
