package io.haven.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a person may type as a receipt code, and how one is shown. */
class ReceiptTest {

    @Test
    void spacesAndDashesAreIgnored() {
        assertThat(Receipt.parse("1234 5678 9012 3456")).isEqualTo(new Receipt("1234567890123456"));
        assertThat(Receipt.parse(" 1234-5678-9012-3456\n")).isEqualTo(new Receipt("1234567890123456"));
        assertThat(Receipt.parse("1234\t56789012 - 3456")).isEqualTo(new Receipt("1234567890123456"));
    }

    @Test
    void anythingElseIsNoReceipt() {
        assertThat(Receipt.parse(null)).isNull();
        assertThat(Receipt.parse("")).isNull();
        assertThat(Receipt.parse("1234 5678 9012 345")).as("15 digits").isNull();
        assertThat(Receipt.parse("1234 5678 9012 34567")).as("17 digits").isNull();
        assertThat(Receipt.parse("1234 5678 9012 345O")).as("a letter O").isNull();
        assertThat(Receipt.parse("1234.5678.9012.3456")).isNull();
        assertThat(Receipt.parse("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦"))
                .as("digits of another script")
                .isNull();
        assertThat(Receipt.parse("１２３４５６７８９０１２３４５６")).as("full-width digits").isNull();
    }

    @Test
    void aReceiptIsShownInGroupsOfFourAndRandomOnesAreSixteenDigits() {
        assertThat(new Receipt("1234567890123456").getGrouped()).isEqualTo("1234 5678 9012 3456");
        Receipt r = Receipt.random();
        assertThat(r.digits()).matches("[0-9]{16}");
        assertThat(Receipt.parse(r.getGrouped())).isEqualTo(r);
    }
}
