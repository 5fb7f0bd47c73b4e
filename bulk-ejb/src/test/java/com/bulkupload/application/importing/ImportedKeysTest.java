package com.bulkupload.application.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportedKeysTest {

    @Test
    void everyWrittenKeyMayExistAndAlmostNoOtherDoes() {
        ImportedKeys keys = ImportedKeys.intoEmptyList(100_000);
        for (int i = 0; i < 100_000; i++) {
            written(keys, "user" + i + "@example.com", i + 1);
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            assertEquals(ImportedKeys.LOOK_UP, candidate(keys, "user" + i + "@example.com"), "a written key is never missed");
            if (candidate(keys, "other" + i + "@example.com") != ImportedKeys.NOT_THERE) {
                falsePositives++;
            }
        }
        assertTrue(falsePositives < 2_000, "about 1 % of unwritten keys are looked up, not " + falsePositives);
    }

    @Test
    void aListThatMayHoldCustomersHasEveryKeyLookedUp() {
        ImportedKeys keys = ImportedKeys.anyMayExist();
        written(keys, "a@x.com", 1);
        assertEquals(ImportedKeys.LOOK_UP, candidate(keys, "b@x.com"));
        assertEquals(ImportedKeys.LOOK_UP, candidate(keys, "a@x.com"));
    }

    @Test
    void aFirstLoadKnowsTheIdOfEveryKeyItWroteAndThatNoOtherKeyIsThereEvenPastTheRowsItExpected() {
        ImportedKeys keys = ImportedKeys.firstLoad(1_000);
        for (int i = 0; i < 50_000; i++) {
            written(keys, "user" + i + "@example.com", 10_000 + i);
        }
        written(keys, "user7@example.com", 99); // written again after a delete: the newest id counts
        for (int i = 0; i < 50_000; i++) {
            assertEquals(i == 7 ? 99 : 10_000 + i, candidate(keys, "user" + i + "@example.com"));
            assertEquals(ImportedKeys.NOT_THERE, candidate(keys, "other" + i + "@example.com"));
        }
        assertTrue(keys.firstLoad());
        assertTrue(ImportedKeys.resumedFirstLoad().firstLoad());
        assertEquals(ImportedKeys.LOOK_UP, candidate(ImportedKeys.resumedFirstLoad(), "a@x.com"), "a resumed load looks every key up");
    }

    @Test
    void keysWhoseHashesCollideAreTakenApartByTheirSlots() {
        ImportedKeys.WrittenIds ids = new ImportedKeys.WrittenIds(4);
        ids.put(0, 5); // 0 is "no id" inside: stored as another value, still found
        ids.put(42, 6);
        ids.put(42 + (1L << 40), 7);
        assertEquals(5, ids.get(0));
        assertEquals(6, ids.get(42));
        assertEquals(7, ids.get(42 + (1L << 40)));
        assertEquals(0, ids.get(43));
    }

    @Test
    void aFirstLoadHoldsAsManyKeysAsTheFileHasRowsWithoutGrowing() {
        for (long rows : new long[] {1_000, 999_999, 1_000_000, 3_000_000}) {
            ImportedKeys keys = ImportedKeys.firstLoad(rows);
            int capacity = keys.writtenIds().capacity();
            for (long i = 0; i < rows; i++) {
                keys.writtenIds().put(i * 0x9E3779B97F4A7C15L, i + 1);
            }
            assertEquals(capacity, keys.writtenIds().capacity(), rows + " rows fit the table made for them: it did not double");
            assertEquals(rows, keys.writtenIds().get((rows - 1) * 0x9E3779B97F4A7C15L));
        }
    }

    @Test
    void anEndedImportLetsGoOfItsKeysAndLooksEveryKeyUp() {
        ImportedKeys keys = ImportedKeys.firstLoad(10);
        written(keys, "a@x.com", 3);
        keys.release();
        assertNull(keys.writtenIds(), "the record is let go, whoever still points at the keys");
        assertEquals(ImportedKeys.LOOK_UP, candidate(keys, "a@x.com"), "the database answers from here on");
        assertTrue(keys.firstLoad(), "it is still its list's first load, to be finished");
        ImportedKeys intoEmpty = ImportedKeys.intoEmptyList(10);
        written(intoEmpty, "a@x.com", 3);
        intoEmpty.release();
        assertEquals(ImportedKeys.LOOK_UP, candidate(intoEmpty, "b@x.com"));
    }

    /** As the chunk writer asks: the key hashed once, then its candidate. */
    static long candidate(ImportedKeys keys, String key) {
        return keys.candidate(keys.hashOf(key));
    }

    static void written(ImportedKeys keys, String key, long id) {
        keys.written(keys.hashOf(key), id);
    }
}
