package org.huisu.detect.identity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words next to a number, or the name of its column, say it is. An 11-digit order or
 * transaction number looks like a mobile number and only the word before it tells them apart, so
 * the nearest telling word before the number decides.
 */
final class Context {

    /** How far before a number its label is looked for: {@code 订单号：}, {@code order_no=}, {@code 手机 }. */
    static final int WINDOW = 16;

    /** Words that label a number as something other than a person's: orders, trades, sizes, times. */
    static final Pattern NOT_PERSONAL = Pattern.compile("订单|单号|流水|交易|编号|工单|运单|快递|发票|批次|序列|票号|条码"
            + "|商品|金额|字节|大小|时间戳|order|(?<![a-z])ord(?![a-z])|txn|trade|transaction|serial|invoice|tracking|waybill|batch"
            + "|ticket|sku|(?<![a-z])seq|(?<![a-z])sn(?![a-z])|timestamp|(?<![a-z])ts(?![a-z])|bytes|size|offset|length"
            + "|amount|price");

    /** Units right after a number, which make it a quantity: {@code 13812345678 bytes}. */
    static final Pattern UNIT_AFTER = Pattern.compile("^ ?(bytes?|字节|ms|毫秒|元|kb|mb)(?![a-z])");

    static final Pattern PHONE = Pattern.compile("手机|电话|联系|致电|短信|mobile|phone|(?<![a-z])tel|(?<![a-z])cell"
            + "|contact|sms|msisdn");

    static final Pattern ID_CARD = Pattern.compile("身份|证件|公民|id_?card|id_?no|idnum|id_?number|sfz|identity"
            + "|citizen|resident|certificate|cert_?no");

    enum Verdict { PERSONAL, NOT_PERSONAL, UNSAID }

    private Context() {
    }

    /** What the words just before {@code start} in {@code text} say, the nearest telling word deciding. */
    static Verdict before(String text, int start, Pattern personal) {
        String window = text.substring(Math.max(0, start - WINDOW), start).toLowerCase(Locale.ROOT);
        int lastPersonal = lastEnd(personal.matcher(window));
        int lastNot = lastEnd(NOT_PERSONAL.matcher(window));
        if (lastPersonal < 0 && lastNot < 0) {
            return Verdict.UNSAID;
        }
        return lastPersonal >= lastNot ? Verdict.PERSONAL : Verdict.NOT_PERSONAL;
    }

    /**
     * What a column's name says: a personal word wins ({@code order_contact_phone} holds phones), then
     * a word of orders or sizes.
     */
    static Verdict field(String column, Pattern personal) {
        if (column == null) {
            return Verdict.UNSAID;
        }
        String c = column.toLowerCase(Locale.ROOT);
        if (personal.matcher(c).find()) {
            return Verdict.PERSONAL;
        }
        return NOT_PERSONAL.matcher(c).find() ? Verdict.NOT_PERSONAL : Verdict.UNSAID;
    }

    /**
     * What the column says; where it says nothing, the words before the number; where they say
     * nothing either, a unit right after it.
     */
    static Verdict of(String text, int start, int end, String field, Pattern personal) {
        Verdict v = field(field, personal);
        if (v == Verdict.UNSAID) {
            v = before(text, start, personal);
        }
        if (v == Verdict.UNSAID && UNIT_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 8))
                .toLowerCase(Locale.ROOT)).find()) {
            v = Verdict.NOT_PERSONAL;
        }
        return v;
    }

    /**
     * Whether the digits {@code start..end} stand alone: not inside a longer run of letters and
     * digits, nor a part of a decimal or a dashed run ({@code 3.13812345678}, {@code 2024-13812345678-01}).
     * A file name's extension ({@code 13812345678.jpg}) and separators such as {@code _} do not join.
     */
    static boolean standsAlone(String text, int start, int end) {
        if (start > 0) {
            char b = text.charAt(start - 1);
            if (alnum(b) || (b == '.' || b == '-') && start > 1 && digit(text.charAt(start - 2))) {
                return false;
            }
        }
        if (end < text.length()) {
            char a = text.charAt(end);
            if (alnum(a) || (a == '.' || a == '-') && end + 1 < text.length() && digit(text.charAt(end + 1))) {
                return false;
            }
        }
        return true;
    }

    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean alnum(char c) {
        return digit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int lastEnd(Matcher m) {
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }
}
