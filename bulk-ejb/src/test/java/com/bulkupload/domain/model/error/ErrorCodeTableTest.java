package com.bulkupload.domain.model.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The code table in docs/errors.md and the enum are one table: every row agrees, none is missing. */
class ErrorCodeTableTest {

    private static final Path DOC = Path.of("..", "docs", "errors.md");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|\\s*(\\w+)\\s*\\|\\s*(\\d{3})\\s*\\|", Pattern.MULTILINE);

    @Test
    void codesAndNamesAreUnique() {
        assertEquals(ErrorCode.values().length, Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct().count());
        assertEquals(ErrorCode.values().length, Arrays.stream(ErrorCode.values()).map(ErrorCode::errorCode).distinct().count());
    }

    @Test
    void contractCodesKeepTheirNumbers() {
        assertEquals(0, ErrorCode.INTERNAL_ERROR.code());
        assertEquals(100, ErrorCode.NULL_REQUEST.code());
        assertEquals(105, ErrorCode.INVALID_CREDENTIALS.code());
        assertEquals(106, ErrorCode.USER_IS_NOT_AUTHORIZED.code());
        assertEquals(107, ErrorCode.INVALID_DEVELOPER_TOKEN.code());
        assertEquals(117, ErrorCode.CALL_RATE_EXCEEDED.code());
        assertEquals(429, ErrorCode.CALL_RATE_EXCEEDED.httpStatus());
        assertEquals(3200, ErrorCode.INVALID_REQUEST_ID.code());
        assertEquals(3213, ErrorCode.FILE_ALREADY_UPLOADED.code());
    }

    @Test
    void documentedTableMatchesTheCode() throws IOException {
        String doc = Files.readString(DOC);
        Matcher row = ROW.matcher(doc);
        Set<Integer> documented = new HashSet<>();
        while (row.find()) {
            int code = Integer.parseInt(row.group(1));
            ErrorCode error = Arrays.stream(ErrorCode.values()).filter(e -> e.code() == code).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/errors.md documents unknown code " + code));
            assertEquals(error.errorCode(), row.group(2), "name of " + code);
            assertEquals(error.httpStatus(), Integer.parseInt(row.group(3)), "HTTP status of " + code);
            documented.add(code);
        }
        for (ErrorCode error : ErrorCode.values()) {
            assertTrue(documented.contains(error.code()), "docs/errors.md lacks " + error.code() + " " + error.errorCode());
        }
    }
}
