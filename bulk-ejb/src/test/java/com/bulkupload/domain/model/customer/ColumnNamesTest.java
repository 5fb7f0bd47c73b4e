package com.bulkupload.domain.model.customer;

import com.bulkupload.domain.model.upload.UploadHeader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnNamesTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "Email|Email", " email |Email", "E-mail|Email", "EMAIL_ADDRESS|Email", "emailAddress|Email", "\uFEFFEmail|Email",
            "Ｅｍａｉｌ|Email", "邮箱|Email", "电子邮件|Email", "電子郵件|Email", "Email (required)|Email",
            "first_name|FirstName", "First Name|FirstName", "FIRST-NAME|FirstName", "firstName|FirstName", "Given Name|FirstName",
            "名|FirstName", "姓|LastName", "Surname|LastName", "姓名|FullName", "Name|FullName", "Full Name|FullName",
            "Contact Name|FullName", "手机号码（必填）|Phone", "手机号码(必填)|Phone", "Mobile Phone|Phone", "mobilePhone|Phone",
            "联系电话|Phone", "公司名称|Company", "Organization|Company", "Country/Region|Country", "国家或地区|Country",
            "Town/City|City", "城市【选填】|City", "外部ID|ExternalId", "external.id|ExternalId", "client_id|ClientId",
            "Customer ID|CustomerId", "action|Action", "Email SHA256|EmailSha256"})
    void aHeaderCellIsRecognisedAsPeopleWriteIt(String header, String column) {
        assertEquals(Optional.of(ColumnNames.Column.valueOf(column)), ColumnNames.recognise(header));
    }

    @Test
    void aCellThatMeansNothingStaysUnrecognised() {
        for (String header : List.of("Favourite Colour", "", "  ", "(required)", "Notes", "Email Opt In")) {
            assertEquals(Optional.empty(), ColumnNames.recognise(header), header);
        }
    }

    @Test
    void everyCustomerFieldCanBeNamedAndEveryAliasMeansOneColumn() {
        for (CustomerField field : CustomerField.values()) {
            assertEquals(Optional.of(field), ColumnNames.recognise(field.name()).flatMap(ColumnNames.Column::field), field.name());
        }
        // the table is built once; a name meaning two columns would have failed the class's initialisation
        assertTrue(ColumnNames.aliases().size() > 100);
    }

    @Test
    void twoColumnsMeaningOneFieldFailTheFileNamingBoth() {
        UploadHeader.Unusable ambiguous = assertThrows(UploadHeader.Unusable.class, () -> UploadHeader.of(List.of("Email", "Phone", "E-mail")));
        assertEquals(ErrorCode.AMBIGUOUS_COLUMNS, ambiguous.error());
        assertTrue(ambiguous.getMessage().contains("Email") && ambiguous.getMessage().contains("E-mail"), ambiguous.getMessage());
        UploadHeader chinese = UploadHeader.of(List.of("姓名", "邮箱", "手机号码（必填）", "公司"));
        assertEquals(Map.of(CustomerField.FullName, 0, CustomerField.Email, 1, CustomerField.Phone, 2, CustomerField.Company, 3),
                chinese.fields());
    }

    @Test
    void docsColumnsListsEveryAliasOfTheTableAndNoOther() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "columns.md"));
        Map<String, ColumnNames.Column> documented = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\| (.+) \\|$").matcher(doc);
        while (row.find()) {
            ColumnNames.Column column = ColumnNames.Column.valueOf(row.group(1));
            Matcher alias = Pattern.compile("`([^`]+)`").matcher(row.group(2));
            while (alias.find()) {
                documented.put(ColumnNames.normalise(alias.group(1)), column);
            }
        }
        assertEquals(ColumnNames.aliases(), documented);
    }
}
