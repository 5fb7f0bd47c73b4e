package com.bulkupload.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedSharedStringsTest {

    @TempDir
    Path work;

    /** A package holding just a shared-strings part, as a workbook's is written. */
    private Path workbookWith(String sst) throws IOException {
        Path file = work.resolve("book.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + "</Types>");
            put(zip, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + sst + "</sst>");
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private List<String> read(String sst, int segmentBytes) throws Exception {
        List<String> texts = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(workbookWith(sst).toFile(), PackageAccess.READ);
             MappedSharedStrings strings = new MappedSharedStrings(pkg, work, segmentBytes)) {
            for (int i = 0; i < strings.getUniqueCount(); i++) {
                texts.add(strings.getItemAt(i).toString());
            }
        }
        return texts;
    }

    @Test
    void plainRichPhoneticEscapedAndEmptyTextsReadAsExcelShowsThem() throws Exception {
        String sst = "<si><t>Email</t></si>"
                + "<si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space=\"preserve\"> 伟 </t></r></si>"
                + "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>"
                + "<si><t>a_x000D_b_x005F_x</t></si>"
                + "<si><t/></si>"
                + "<si><t>Tom &amp; Jerry &lt;x&gt;</t></si>";
        assertEquals(List.of("Email", "张 伟 ", "東京", "a\rb_x", "", "Tom & Jerry <x>"), read(sst, MappedSharedStrings.SEGMENT_BYTES));
    }

    @Test
    void textsCutInTwoByTheEndOfAMappingReadWhole() throws Exception {
        StringBuilder sst = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String text = "客户" + i + "@example.cn";
            expected.add(text);
            sst.append("<si><t>").append(text).append("</t></si>");
        }
        // 7 bytes a mapping: every multi-byte character and most texts lie across two or more
        assertEquals(expected, read(sst.toString(), 7));
    }

    @Test
    void aWorkbookWithoutSharedStringsHasNoneAndANumberPastTheEndIsRefused() throws Exception {
        try (OPCPackage pkg = OPCPackage.open(workbookWith("").toFile(), PackageAccess.READ);
             MappedSharedStrings strings = new MappedSharedStrings(pkg, work)) {
            assertEquals(0, strings.getCount());
            assertThrows(IllegalArgumentException.class, () -> strings.getItemAt(0));
        }
        try (var files = Files.list(work)) {
            assertEquals(List.of("book.xlsx"), files.map(p -> p.getFileName().toString()).toList(), "the temporary files are gone");
        }
    }
}
