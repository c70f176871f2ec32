package dev.agentq.worker.model.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FieldExtractorTest {
  @Test
  void findsDatesInCommonForms() {
    assertThat(
            Dates.find(
                    "Signed 2026-03-01, sent 03/01/2026, paid 01.03.2026, on March 1, 2026,"
                        + " and 1 March 2026. Not a date: 2026-13-45 or 99/99/2026.")
                .stream()
                .map(Dates.Found::text))
        .containsExactly("2026-03-01", "03/01/2026", "01.03.2026", "March 1, 2026", "1 March 2026");
  }

  @Test
  void parsesAmountsInUsAndEuropeanNotation() {
    assertThat(Money.parse("1,234.56")).isEqualByComparingTo(new BigDecimal("1234.56"));
    assertThat(Money.parse("1.234,56")).isEqualByComparingTo(new BigDecimal("1234.56"));
    assertThat(Money.parse("1,000")).isEqualByComparingTo(new BigDecimal("1000"));
    assertThat(Money.parse("99")).isEqualByComparingTo(new BigDecimal("99"));
  }

  @Test
  void picksTheLargestAmountAndItsCurrency() {
    assertThat(FieldExtractor.extract("Fee €99, shipping EUR 12.50, tax 7,50 €."))
        .containsEntry("total_amount", "99")
        .containsEntry("currency", "EUR");
    assertThat(FieldExtractor.extract("Pay 100 USD or £120.00, due by 2026-05-01."))
        .containsEntry("total_amount", "120.00")
        .containsEntry("currency", "GBP")
        .containsEntry("due_date", "2026-05-01");
  }

  @Test
  void findsDocumentNumbers() {
    assertThat(FieldExtractor.extract("Invoice No. 123\nPurchase Order #PO-77\nRef: AB-9"))
        .containsEntry("invoice_number", "123")
        .containsEntry("order_number", "PO-77")
        .containsEntry("reference_number", "AB-9");
    assertThat(FieldExtractor.extract("Invoice date: today")).doesNotContainKey("invoice_number");
  }

  @Test
  void findsPhoneNumbersButNotDatesOrAmounts() {
    assertThat(FieldExtractor.extract("Tel: 030 1234567\nOn 2026-03-01 we paid 1234567 units."))
        .containsEntry("phone", "030 1234567")
        .doesNotContainKey("phone_2");
  }

  @Test
  void findsPartiesOnlyInContracts() {
    assertThat(
            FieldExtractor.extract(
                "This agreement is made between Alpha GmbH and Beta Inc. on 1 May 2026."))
        .containsEntry("party_1", "Alpha GmbH")
        .containsEntry("party_2", "Beta Inc.");
    assertThat(FieldExtractor.extract("Sales rose between 2024 and 2025 in Europe."))
        .doesNotContainKeys("party_1", "party_2");
  }

  @Test
  void skipsAHeaderLineAsTitle() {
    assertThat(FieldExtractor.extract("From: a@b.com\nSubject: Hi")).doesNotContainKey("title");
    assertThat(FieldExtractor.extract("## Annual Report 2025\n\nText."))
        .containsEntry("title", "Annual Report 2025");
  }
}
