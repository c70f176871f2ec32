package dev.agentq.worker.agent.digest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Output of the {@code extract} step: named values found in the document. */
record KeyFields(List<Field> fields) {

  /** One named value. */
  record Field(String name, String value) {}

  KeyFields {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** The fields by name; a name given twice keeps its first value. */
  Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (Field field : fields) {
      if (field.name() != null && !field.name().isBlank() && field.value() != null) {
        map.putIfAbsent(field.name().strip(), field.value().strip());
      }
    }
    return map;
  }
}
