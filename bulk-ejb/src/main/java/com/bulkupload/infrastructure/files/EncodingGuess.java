package com.bulkupload.infrastructure.files;

import java.nio.charset.Charset;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Names the encoding some bytes most likely are in, through juniversalchardet (Mozilla's universal
 * charset detector), for the error of a file that is not valid in the encoding it was read with.
 * and for the preview of a file whose encoding was not named. Only ever a hint: a file is never
 * imported in a guessed encoding (CONTRACT §5: never guess silently). ICU4J's CharsetDetector was
 * tried first and took the GB18030 sample file for EUC-KR (confidence 46, GB18030 10), as its
 * statistics need more text than a short list of names gives.
 */
final class EncodingGuess {

    private EncodingGuess() {
    }

    /** The charset the bytes most likely are in (a name Java knows), null when the detector has no answer. */
    static String likely(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        try {
            return guess == null ? null : Charset.forName(guess).name();
        } catch (IllegalArgumentException e) {
            return null; // a name the detector knows and the JDK does not: no guess
        }
    }

    /** " (it looks like GB18030)", or "" when the detector has no answer or names the encoding already tried. */
    static String hint(byte[] bytes, String triedCharset) {
        String guess = likely(bytes);
        if (guess == null || guess.equalsIgnoreCase(triedCharset)) {
            return "";
        }
        return " (it looks like " + guess + ")";
    }
}
