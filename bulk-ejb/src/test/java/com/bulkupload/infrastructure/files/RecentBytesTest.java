package com.bulkupload.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentBytesTest {

    @Test
    void theLastSixtyFourKibibytesReadAreKeptOldestFirstWhateverTheSizesOfTheReads() throws IOException {
        Random random = new Random(7);
        byte[] file = new byte[300_000];
        random.nextBytes(file);
        try (RecentBytes in = new RecentBytes(new ByteArrayInputStream(file))) {
            int read = 0;
            byte[] buffer = new byte[100_000];
            while (true) {
                // single bytes, small reads, reads that wrap the ring, and reads larger than it
                int n = switch (random.nextInt(4)) {
                    case 0 -> {
                        int b = in.read();
                        yield b < 0 ? -1 : 1;
                    }
                    case 1 -> in.read(buffer, 3, 1 + random.nextInt(100));
                    case 2 -> in.read(buffer, 0, 1 + random.nextInt(RecentBytes.CAPACITY));
                    default -> in.read(buffer, 0, buffer.length);
                };
                if (n < 0) {
                    break;
                }
                read += n;
                int kept = Math.min(read, RecentBytes.CAPACITY);
                assertArrayEquals(Arrays.copyOfRange(file, read - kept, read), in.recent(), "after " + read + " bytes");
            }
        }
    }
}
