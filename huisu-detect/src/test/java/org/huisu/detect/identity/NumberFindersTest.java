package org.huisu.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two finders on lines as logs, exports and chats write them. */
class NumberFindersTest {

    static final String ID = "11010519491231002X";
    static final String ID2 = ResidentIdNumberTest.withCheck("44030519850612341");
    static final String PHONE = "13812345678";

    private static List<NumberFinder.Found> ids(String text) {
        return ids(text, null);
    }

    private static List<NumberFinder.Found> ids(String text, String column) {
        List<NumberFinder.Found> found = new ArrayList<>();
        new IdNumberFinder(ResidentIdNumberTest.TODAY).find(text, column, found::add);
        return found;
    }

    private static List<NumberFinder.Found> phones(String text) {
        return phones(text, null);
    }

    private static List<NumberFinder.Found> phones(String text, String column) {
        List<NumberFinder.Found> found = new ArrayList<>();
        new MobileNumberFinder().find(text, column, found::add);
        return found;
    }

    @Test
    void anIdNumberInALogLineIsFoundMasked() {
        List<NumberFinder.Found> found = ids("2024-03-15 10:02:11 INFO broker registered id_card=" + ID + " name=张伟");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.masked()).isEqualTo("110105********002X");
            assertThat(f.confidence()).isEqualTo(IdNumberFinder.LABELLED);
        });
    }

    @Test
    void twoIdNumbersInOneLineAreBothFound() {
        assertThat(ids(ID + "," + ID2)).extracting(NumberFinder.Found::masked)
                .containsExactly("110105********002X", ResidentIdNumber.mask(ID2));
    }

    @Test
    void anIdNumberInsideALongerRunOfDigitsOrLettersIsNotOne() {
        assertThat(ids("1" + ID2)).isEmpty();
        assertThat(ids(ID2 + "7")).isEmpty();
        assertThat(ids("A" + ID2)).isEmpty();
        assertThat(ids(ID2 + "b")).isEmpty();
        assertThat(ids("0." + ID2)).as("a decimal").isEmpty();
        assertThat(ids("2024-" + ID2)).as("a dashed run").isEmpty();
    }

    @Test
    void anIdNumberLabelledAsAnOrderIsNotCounted() {
        assertThat(ids("订单号：" + ID2)).isEmpty();
        assertThat(ids(ID2, "order_no")).isEmpty();
    }

    @Test
    void aBareMobileNumberIsFoundWithALowConfidence() {
        assertThat(phones("called back " + PHONE + " at noon")).singleElement().satisfies(f -> {
            assertThat(f.masked()).isEqualTo("138****5678");
            assertThat(f.confidence()).isEqualTo(MobileNumberFinder.BARE);
        });
    }

    @Test
    void aMobileNumberWithTheCountryCodeOrInGroupsIsFound() {
        for (String written : new String[] {"+86 138 1234 5678", "+8613812345678", "+86-13812345678", "86-13812345678",
                "0086 13812345678", "8613812345678", "138 1234 5678", "138-1234-5678", "(+86)13812345678"}) {
            assertThat(phones("联系方式见 " + written + "。")).as(written).singleElement().satisfies(f -> {
                assertThat(f.masked()).isEqualTo("138****5678");
                assertThat(f.key()).isEqualTo(13812345678L);
            });
        }
    }

    @Test
    void aMobileNumberLabelledAsOneIsFoundWithAHighConfidence() {
        assertThat(phones("联系电话：" + PHONE)).singleElement()
                .extracting(NumberFinder.Found::confidence).isEqualTo(MobileNumberFinder.LABELLED);
        assertThat(phones(PHONE, "mobile")).singleElement()
                .extracting(NumberFinder.Found::confidence).isEqualTo(MobileNumberFinder.LABELLED);
        assertThat(phones(PHONE, "手机号")).singleElement()
                .extracting(NumberFinder.Found::confidence).isEqualTo(MobileNumberFinder.LABELLED);
    }

    @Test
    void orderNumbersOfTheSameShapeAreNotCountedAsPhones() {
        for (String line : new String[] {"订单号：13812345678", "订单13912345678已发货", "单号 15012345678",
                "快递单号:18612345678", "交易流水 17712345678", "order_no=15912345678", "Order #13712345678",
                "orderId: 18812345678", "txn 19912345678 settled", "tracking number 13612345678",
                "serial: 14712345678", "sent 13812345678 bytes"}) {
            assertThat(phones(line)).as(line).isEmpty();
        }
        assertThat(phones(PHONE, "order_no")).isEmpty();
        assertThat(phones(PHONE, "订单编号")).isEmpty();
    }

    @Test
    void theNearestWordDecidesWhenAnOrderAndAPhoneShareALine() {
        assertThat(phones("订单号 20240312001 联系人手机 13812345678")).hasSize(1);
        assertThat(phones("手机 13812345678 订单号 13912345678")).extracting(NumberFinder.Found::masked)
                .containsExactly("138****5678");
        assertThat(phones(PHONE, "order_contact_phone")).as("a column of orders' phones").hasSize(1);
    }

    @Test
    void elevenDigitsThatAreNotAMobileNumberAreNotOne() {
        assertThat(phones("12812345678")).as("12x is no mobile prefix").isEmpty();
        assertThat(phones("10012345678")).isEmpty();
        assertThat(phones("138123456789")).as("twelve digits").isEmpty();
        assertThat(phones("5138123456789")).isEmpty();
        assertThat(phones("a13812345678")).isEmpty();
        assertThat(phones("3.13812345678")).as("a decimal").isEmpty();
        assertThat(phones("13812345678.5")).isEmpty();
        assertThat(phones("2024-13812345678-01")).isEmpty();
        assertThat(phones("1 138 1234 5678 9")).as("a run of digit groups").isEmpty();
        assertThat(phones(ID2)).as("inside an identity number").isEmpty();
        assertThat(phones("+13812345678")).as("another country's code").isEmpty();
    }

    @Test
    void aMobileNumberInAFileNameIsFound() {
        assertThat(phones("张三_13812345678.jpg")).hasSize(1);
        assertThat(phones("IMG_13812345678_01.png")).hasSize(1);
        assertThat(ids("李四-" + ID + ".jpg")).hasSize(1);
    }

    @Test
    void numbersSideBySideAreEachFound() {
        assertThat(phones("13812345678,13912345678 13712345678;15012345678")).hasSize(4);
    }
}
