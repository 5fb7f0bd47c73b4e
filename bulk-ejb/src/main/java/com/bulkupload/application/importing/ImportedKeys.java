package com.bulkupload.application.importing;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;
import org.apache.commons.collections4.bloomfilter.BloomFilter;
import org.apache.commons.collections4.bloomfilter.EnhancedDoubleHasher;
import org.apache.commons.collections4.bloomfilter.Hasher;
import org.apache.commons.collections4.bloomfilter.Shape;
import org.apache.commons.collections4.bloomfilter.SimpleBloomFilter;

/**
 * What the writer must do about each of a chunk's keys before it writes the rows: look the key up
 * in the list, take it as new, or confirm the customer this import wrote it as.
 * <ul>
 * <li><b>Any key may exist</b>: look every key up (an import into a list that held customers when
 * it began, or one that resumed after a crash or a takeover).</li>
 * <li><b>Into an empty list</b>: only the keys this import has written can be there, so a Bloom
 * filter of those keys answers "certainly not there" for almost every new key and the lookup runs
 * for the rest (the duplicates, and about 1 % false positives). Measured on a 1M-row file into an
 * empty list: the lookups were 3.5 s of an 18.7 s import, for no row found.</li>
 * <li><b>A first load</b> ({@code CustomerRepository.beginFirstLoad}): the list's rows go into a
 * table without lookup indexes, where a lookup by key would read the whole table. So the import
 * remembers the id it wrote each key as, by the key's 64-bit hash (16 bytes a slot, 21 bytes a
 * row: 21 MB for 1M rows), and the writer confirms those ids by primary key. A confirmation that
 * fails (the customer was deleted since, or two keys share a hash) sends that key to the lookup by
 * key, so the answer is always the database's.</li>
 * </ul>
 * This holds because one import at a time writes a list: customers are written only by imports,
 * and an account starts one import at a time, on every node ({@code ImportLifecycle.claim} under
 * the account's row lock). The record lives with the import on its node and is never shared; an
 * import that resumes elsewhere starts with "any key may exist".
 */
public final class ImportedKeys {

    /** {@link #candidate}: the key is certainly not in the list. */
    static final long NOT_THERE = -1;
    /** {@link #candidate}: the key may be in the list; look it up. */
    static final long LOOK_UP = 0;

    private static final double FALSE_POSITIVES = 0.01;

    private volatile BloomFilter<?> written;
    private volatile WrittenIds ids;
    private final boolean firstLoad;

    private ImportedKeys(Shape shape, WrittenIds ids, boolean firstLoad) {
        this.written = shape == null ? null : new SimpleBloomFilter(shape);
        this.ids = ids;
        this.firstLoad = firstLoad;
    }

    /** Every key may already be in the list: look them all up. */
    public static ImportedKeys anyMayExist() {
        return new ImportedKeys(null, null, false);
    }

    /**
     * For an import from its first record into a list that holds no customer.
     *
     * @param rows the file's data rows, the most keys the filter will hold (4M rows: 4.8 MB)
     */
    public static ImportedKeys intoEmptyList(long rows) {
        return new ImportedKeys(Shape.fromNP((int) Math.max(1, Math.min(Integer.MAX_VALUE, rows)), FALSE_POSITIVES), null, false);
    }

    /** For the first load of a list, into its bare table: the ids this import writes, by key. */
    public static ImportedKeys firstLoad(long rows) {
        return new ImportedKeys(null, new WrittenIds(rows), true);
    }

    /** For a first load that resumed: its table has its lookup indexes now, so every key is looked up. */
    public static ImportedKeys resumedFirstLoad() {
        return new ImportedKeys(null, null, true);
    }

    /** Whether this import is its list's first load, which it finishes when it ends ({@code CustomerRepository.finishFirstLoad}). */
    public boolean firstLoad() {
        return firstLoad;
    }

    /**
     * The key's hash, for {@link #candidate} and then {@link #written}, so that a row's key is
     * hashed once: encoding it and MurmurHash3 twice a row were a tenth of the chunk writer's CPU in
     * a first load (docs/performance-profile.md, "One hash a key"). Null when this import
     * remembers nothing of its keys.
     */
    long[] hashOf(String key) {
        return ids == null && written == null ? null : MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #NOT_THERE}, {@link #LOOK_UP}, or the id this import wrote the key as (to be
     * confirmed); the hash from {@link #hashOf}.
     */
    long candidate(long[] hash) {
        if (hash == null) {
            return LOOK_UP;
        }
        WrittenIds ids = this.ids;
        BloomFilter<?> written = this.written;
        if (ids != null) {
            long id = ids.get(hash[0]);
            return id == 0 ? NOT_THERE : id;
        }
        if (written == null) {
            return LOOK_UP;
        }
        return written.contains(hasher(hash)) ? LOOK_UP : NOT_THERE;
    }

    /** The key whose hash {@link #hashOf} gave is now in the list as this customer. */
    void written(long[] hash, long id) {
        if (hash == null) {
            return;
        }
        WrittenIds ids = this.ids;
        BloomFilter<?> written = this.written;
        if (ids != null) {
            ids.put(hash[0], id);
        } else if (written != null) {
            written.merge(hasher(hash));
        }
    }

    /**
     * The import has ended: what it remembered of its keys is let go now, not when the last
     * object that points here is collected. The container's asynchronous thread keeps its last
     * call's arguments, the last chunk and with it this record, until it runs another call: after
     * a 1M first load that was 22 MB of the heap for as long as the node imported nothing else
     * (docs/performance-profile.md, "The import's heap"). Every key is looked up from here on,
     * which is always right.
     */
    void release() {
        ids = null;
        written = null;
    }

    /** The id record of a first load, for tests. */
    WrittenIds writtenIds() {
        return ids;
    }

    private static Hasher hasher(long[] hash) {
        return new EnhancedDoubleHasher(hash[0], hash[1]);
    }

    /**
     * Customer ids by key hash: open addressing over two arrays, filled to at most three quarters.
     * Sized for the file's rows, it never grows for them: a table that doubled at its last row
     * held 43 MB instead of 21 for 1M rows, and 192 MB at once while it copied for 3M
     * (docs/performance-profile.md, "The import's heap"). More keys than rows (a file that grew
     * between the scan and the import) still fit: it doubles past three quarters.
     */
    static final class WrittenIds {
        private long[] hashes;
        private long[] ids;
        private int size;

        WrittenIds(long rows) {
            int slots = (int) Math.min(1 << 30, Math.max(16, rows + rows / 3 + 1));
            hashes = new long[slots];
            ids = new long[slots];
        }

        /** How many keys the table has room for: a quarter of its slots stay empty, so that a probe ends soon. */
        int capacity() {
            return (int) (hashes.length * 3L / 4);
        }

        long get(long hash) {
            long h = hash == 0 ? 1 : hash;
            for (int i = slot(h, hashes.length); ; i = next(i)) {
                if (ids[i] == 0) {
                    return 0;
                }
                if (hashes[i] == h) {
                    return ids[i];
                }
            }
        }

        void put(long hash, long id) {
            long h = hash == 0 ? 1 : hash;
            int i = slot(h, hashes.length);
            while (ids[i] != 0 && hashes[i] != h) {
                i = next(i);
            }
            if (ids[i] == 0) {
                size++;
            }
            hashes[i] = h;
            ids[i] = id;
            if (size > capacity()) {
                grow();
            }
        }

        private void grow() {
            long[] oldHashes = hashes;
            long[] oldIds = ids;
            hashes = new long[oldHashes.length * 2];
            ids = new long[oldIds.length * 2];
            size = 0;
            for (int i = 0; i < oldHashes.length; i++) {
                if (oldIds[i] != 0) {
                    put(oldHashes[i], oldIds[i]);
                }
            }
        }

        private int next(int i) {
            return i + 1 == hashes.length ? 0 : i + 1;
        }

        /** The hash's high bits scaled to the table (the hash is already uniform: MurmurHash3). */
        private static int slot(long hash, int slots) {
            return (int) (((hash >>> 32) * slots) >>> 32);
        }
    }
}
