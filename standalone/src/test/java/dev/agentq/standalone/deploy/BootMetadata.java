package dev.agentq.standalone.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Names of every Spring Boot property on the classpath, from the jars' configuration metadata. */
final class BootMetadata {
  private static final String FILE = "META-INF/spring-configuration-metadata.json";
  private static Set<String> names;

  private BootMetadata() {}

  static synchronized Set<String> propertyNames() {
    if (names == null) {
      Set<String> found = new HashSet<>();
      ObjectMapper json = new ObjectMapper();
      try {
        for (URL url : Collections.list(BootMetadata.class.getClassLoader().getResources(FILE))) {
          try (InputStream in = url.openStream()) {
            for (JsonNode property : json.readTree(in).path("properties")) {
              found.add(property.path("name").asString());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + FILE, e);
      }
      if (!found.contains("server.port")) {
        throw new IllegalStateException("no Spring Boot configuration metadata on the classpath");
      }
      names = Set.copyOf(found);
    }
    return names;
  }
}
