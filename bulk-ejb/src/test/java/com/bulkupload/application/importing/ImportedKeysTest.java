package com.bulkupload.application.importing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportedKeysTest {

    @Test
    void everyWrittenKeyMayExistAndAlmostNoOtherDoes() {
        ImportedKeys keys = ImportedKeys.intoEmptyList(100_000);
        for (int i = 0; i < 100_000; i++) {
            keys.mayExist("user" + i + "@example.com", true);
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            assertTrue(keys.mayExist("user" + i + "@example.com", false), "a written key is never missed");
            if (keys.mayExist("other" + i + "@example.com", false)) {
                falsePositives++;
            }
        }
        assertTrue(falsePositives < 2_000, "about 1 % of unwritten keys are looked up, not " + falsePositives);
    }

    @Test
    void aListThatMayHoldCustomersHasEveryKeyLookedUp() {
        ImportedKeys keys = ImportedKeys.anyMayExist();
        keys.mayExist("a@x.com", true);
        assertTrue(keys.mayExist("b@x.com", false));
    }
}
