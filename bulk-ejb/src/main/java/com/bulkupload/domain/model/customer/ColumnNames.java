package com.bulkupload.domain.model.customer;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a header cell means, as people write headers (CONTRACT §5, docs/columns.md): our own names
 * whatever their case, spacing, {@code _ - . /} and camel case, full-width forms, a BOM and a
 * trailing note in brackets ({@code （必填）}, {@code (required)}); and the aliases of contact
 * exports, of Marketo's field names, and of Chinese templates in simplified and traditional script.
 * The one table of the project: every alias is here, and none means two columns.
 */
public final class ColumnNames {

    /** A recognised header cell: our customer fields, and the three columns that steer a row. */
    public enum Column {
        Email(CustomerField.Email), Phone(CustomerField.Phone), ExternalId(CustomerField.ExternalId),
        FirstName(CustomerField.FirstName), LastName(CustomerField.LastName), FullName(CustomerField.FullName),
        Company(CustomerField.Company), Country(CustomerField.Country), City(CustomerField.City),
        EmailSha256(CustomerField.EmailSha256),
        Action(null), ClientId(null), CustomerId(null);

        private final CustomerField field;

        Column(CustomerField field) {
            this.field = field;
        }

        /** The customer field the column fills, or empty for Action, ClientId and CustomerId. */
        public Optional<CustomerField> field() {
            return Optional.ofNullable(field);
        }
    }

    /** A note in brackets at the end of a header cell: {@code （必填）}, {@code (required)}, {@code [optional]}, {@code 【选填】}. */
    private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*[(\\[【（][^()\\[\\]【】（）]*[)\\]】）]\\s*$");
    /** What people put between the words of a name: white space, _ - . / and the middle dot. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-./·・]+");

    private static final Map<String, Column> ALIASES;

    static {
        Map<Column, List<String>> table = new LinkedHashMap<>();
        table.put(Column.Email, List.of("Email", "E-mail", "Email Address", "E-mail Address", "Mail", "Email Addr",
                "Work Email", "Primary Email", "邮箱", "电子邮箱", "电子邮件", "邮件地址", "邮件", "邮箱地址",
                "郵箱", "電子郵箱", "電子郵件", "郵件地址", "郵件", "電郵", "電郵地址"));
        table.put(Column.Phone, List.of("Phone", "Phone Number", "Mobile", "Mobile Phone", "Mobile Number", "Cell", "Cell Phone",
                "Cellphone", "Telephone", "Tel", "Contact Number", "Primary Phone", "手机", "手机号", "手机号码", "电话", "联系电话",
                "电话号码", "移动电话", "联系方式", "手機", "手機號", "手機號碼", "電話", "聯繫電話", "聯絡電話", "電話號碼", "行動電話"));
        table.put(Column.ExternalId, List.of("ExternalId", "External Id", "External Key", "Record Id", "外部ID", "外部编号", "外部編號"));
        table.put(Column.FirstName, List.of("FirstName", "Given Name", "Forename", "名", "名字", "Vorname"));
        table.put(Column.LastName, List.of("LastName", "Surname", "Family Name", "姓", "姓氏", "Nachname"));
        table.put(Column.FullName, List.of("FullName", "Name", "Contact Name", "Contact", "Display Name", "姓名", "联系人",
                "聯絡人", "聯繫人", "客户姓名", "客戶姓名"));
        table.put(Column.Company, List.of("Company", "Company Name", "Organization", "Organisation", "Organization Name",
                "Employer", "公司", "公司名称", "单位", "单位名称", "企业名称", "公司名稱", "單位", "單位名稱", "企業名稱"));
        table.put(Column.Country, List.of("Country", "Country/Region", "Country or Region", "Country Name", "Nation",
                "国家", "国家或地区", "国家/地区", "國家", "國家或地區", "國家/地區"));
        table.put(Column.City, List.of("City", "Town", "Town/City", "City/Town", "城市", "所在城市", "市"));
        table.put(Column.EmailSha256, List.of("EmailSha256", "Email SHA256", "Hashed Email", "Email Hash", "SHA256 Email"));
        table.put(Column.Action, List.of("Action"));
        table.put(Column.ClientId, List.of("ClientId"));
        table.put(Column.CustomerId, List.of("CustomerId"));
        Map<String, Column> aliases = new LinkedHashMap<>();
        table.forEach((column, names) -> {
            for (String name : names) {
                Column earlier = aliases.put(normalise(name), column);
                if (earlier != null && earlier != column) {
                    throw new IllegalStateException("the alias " + name + " means both " + earlier + " and " + column);
                }
            }
        });
        ALIASES = Collections.unmodifiableMap(aliases);
    }

    private ColumnNames() {
    }

    /**
     * The form a header cell is compared in: the BOM and a trailing bracketed note removed,
     * full-width forms folded (NFKC), lower case, without white space, {@code _ - . /}.
     * {@code " First_Name（必填）"}, {@code "firstName"} and {@code "FIRST-NAME"} all become {@code firstname}.
     */
    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String text = Normalizer.normalize(header.replace("\uFEFF", ""), Normalizer.Form.NFKC).strip();
        String previous;
        do {
            previous = text;
            text = TRAILING_NOTE.matcher(text).replaceFirst("");
        } while (!text.equals(previous) && !text.isEmpty());
        return SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The column a header cell means, if any. */
    /** Every field a column may be read as (or mapped to), in declaration order. */
    public static List<String> fieldNames() {
        return Arrays.stream(Column.values()).map(Enum::name).toList();
    }

    public static Optional<Column> recognise(String header) {
        String key = normalise(header);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(ALIASES.get(key));
    }

    /** Every alias in its compared form, with its column (docs/columns.md and its test read it). */
    public static Map<String, Column> aliases() {
        return ALIASES;
    }
}
