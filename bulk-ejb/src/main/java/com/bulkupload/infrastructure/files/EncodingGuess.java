package com.bulkupload.infrastructure.files;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Names the encoding some bytes most likely are in, through juniversalchardet (Mozilla's universal
 * charset detector), for the error of a file that is not valid in the encoding it was read with.
 * Only a hint in that error: a file is never read in a guessed encoding (CONTRACT §5: never guess
 * silently). ICU4J's CharsetDetector was tried first and took the GB18030 sample file for EUC-KR
 * (confidence 46, GB18030 10), as its statistics need more text than a short list of names gives.
 */
final class EncodingGuess {

    private EncodingGuess() {
    }

    /** " (it looks like GB18030)", or "" when the detector has no answer or names the encoding already tried. */
    static String hint(byte[] bytes, String triedCharset) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        if (guess == null || guess.equalsIgnoreCase(triedCharset)) {
            return "";
        }
        return " (it looks like " + guess + ")";
    }
}
