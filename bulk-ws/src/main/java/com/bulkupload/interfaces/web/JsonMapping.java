package com.bulkupload.interfaces.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import java.io.IOException;

/**
 * How every JSON body is read and written. Property names are the contract's (PascalCase, set on
 * each record); reading them ignores case and unknown properties, as forgiving clients expect, but
 * refuses wrong types, fractions for whole numbers and trailing garbage.
 */
public final class JsonMapping {

    /**
     * No request of the API comes near these: a body that does is hostile and fails with 100
     * before it can cost memory or time (deep nesting, endless numbers and strings, huge bodies).
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxNumberLength(32)
            .maxStringLength(65_536)
            .maxDocumentLength(1_048_576)
            .build();

    /** Text with a NUL character is refused (100): no field of the API has one, and PostgreSQL cannot store it. */
    static final SimpleModule NO_NUL = new SimpleModule().addDeserializer(String.class, new StringDeserializer() {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(parser, "Text may not contain a NUL character.", value, String.class);
            }
            return value;
        }
    });

    /**
     * Answers are written without flushing the servlet stream: Jackson's default flush after the
     * value (and again when the generator closes) made every JSON answer go out chunked, in two
     * writes. Unflushed, a small answer leaves in one write with its Content-Length when the call
     * ends, and a large one streams as the container's buffer fills (docs/performance-profile.md,
     * "Status calls").
     */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS)
                    .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM).build())
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .addModule(NO_NUL)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonMapping() {
    }

    public static JacksonJsonProvider provider() {
        return new JacksonJsonProvider(MAPPER);
    }
}
