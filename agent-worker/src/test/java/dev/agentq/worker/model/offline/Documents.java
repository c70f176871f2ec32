package dev.agentq.worker.model.offline;

/** Sample documents for the offline model's tests. */
final class Documents {
  static final String INVOICE =
      """
      INVOICE

      Acme Supplies Inc.
      123 Market Street, Springfield
      Phone: (555) 123-4567
      billing@acme-supplies.com
      https://www.acme-supplies.com/invoices

      Invoice #INV-2026-001
      Invoice Date: March 1, 2026
      Due Date: 2026-03-31
      PO 4411

      Bill To:
      Globex Corporation, 42 Elm Road

      Description            Qty   Unit Price    Amount
      Widgets                10    $99.00        $990.00
      Consulting hours        5    $150.00       $750.00

      Subtotal: $1,740.00
      VAT (20%): $348.00
      Total: $2,088.00
      Amount due: $2,088.00

      Payment terms: Net 30. Thank you for your business. Please pay the amount due by the \
      due date.
      """;

  static final String CONTRACT =
      """
      SERVICES AGREEMENT

      This Services Agreement (the "Agreement") is entered into as of 1 March 2026 by and \
      between Acme Corp., a Delaware corporation ("Provider"), and Globex LLC ("Client").

      WHEREAS, the Client wishes to engage the Provider to perform certain services; and \
      WHEREAS, the Provider is willing to perform such services.

      1. Term. This Agreement shall commence on the Effective Date and continue for a term of \
      twelve (12) months unless terminated earlier.
      2. Fees. The Client shall pay the Provider EUR 12,500.00 per month.
      3. Termination. Either party may terminate this Agreement upon thirty days written notice.
      4. Governing Law. This Agreement shall be governed by the laws of the State of Delaware.

      IN WITNESS WHEREOF, the parties hereby execute this Agreement.
      """;

  static final String EMAIL =
      """
      From: Alice Smith <alice@example.com>
      To: Bob Jones <bob@example.org>
      Subject: Project kickoff next week

      Dear Bob,

      I hope you are well. The project kickoff meeting is scheduled for 03/10/2026 at our \
      office. Please bring the updated budget and the draft timeline.
      We will also discuss the staffing plan, e.g. who leads the design work. Mr. Brown from \
      finance will join us.

      Call me at +1 415 555 0199 if anything changes.

      Best regards,
      Alice
      """;

  static final String GERMAN =
      """
      Das Unternehmen hat im letzten Jahr einen deutlichen Umsatzanstieg erzielt. Die Zahl der \
      Mitarbeiter ist auf 250 gestiegen, und wir haben zwei neue Standorte eröffnet. Für das \
      kommende Jahr planen wir, die Investitionen in Forschung und Entwicklung zu erhöhen. Die \
      Geschäftsführung ist mit dem Ergebnis sehr zufrieden, und sie dankt allen Mitarbeitern \
      für ihren Einsatz.
      """;

  static final String ARTICLE =
      """
      Solar power is changing how cities plan their energy supply. Many city councils now \
      require solar panels on new public buildings. The cost of solar panels has fallen by \
      more than half in ten years, according to industry figures. Engineers say that storage \
      is the next problem to solve, because solar power peaks at noon while demand peaks in \
      the evening. Batteries are getting cheaper too, but they still add to the cost of each \
      installation. Some cities are testing shared batteries that serve a whole district. \
      Critics warn that the grid itself needs upgrades before solar power can supply most of \
      a city. Supporters reply that local solar power reduces the load on long transmission \
      lines. Either way, solar power will be a large part of the energy mix in most cities \
      within the next decade.
      """;

  private Documents() {}
}
