package dev.agentq.worker.model.offline;

import java.util.List;
import java.util.Map;

/** Extracts key fields from a document with regular expressions, most specific fields first. */
final class FieldExtractor {
  private FieldExtractor() {}

  /** Field names to values, in a stable order. */
  static Map<String, String> extract(String text) {
    FieldList fields = new FieldList();
    fields.add("title", Labels.title(text));
    fields.add("invoice_number", Labels.invoiceNumber(text));
    fields.add("order_number", Labels.orderNumber(text));
    fields.add("reference_number", Labels.referenceNumber(text));
    fields.add("from", Labels.header(text, "from"));
    fields.add("to", Labels.header(text, "to"));
    fields.add("subject", Labels.header(text, "subject"));
    List<String> parties = Labels.parties(text);
    if (parties.size() == 2) {
      fields.add("party_1", parties.get(0));
      fields.add("party_2", parties.get(1));
    }
    Money.Amount total = Money.largest(Money.amounts(text));
    if (total != null) {
      fields.add("total_amount", total.value().toPlainString());
      fields.add("currency", total.currency());
    }
    List<Dates.Found> dates = Dates.find(text);
    dates.stream()
        .filter(Dates.Found::due)
        .findFirst()
        .ifPresent(d -> fields.add("due_date", d.text()));
    fields.addNumbered("date", dates.stream().map(Dates.Found::text).toList());
    fields.addNumbered("email", Contacts.emails(text));
    fields.addNumbered("phone", Contacts.phones(text));
    fields.addNumbered("url", Contacts.urls(text));
    fields.addNumbered("percentage", Money.percentages(text));
    return fields.asMap();
  }
}
