package dev.hagfish.index;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hagfish.io.FormatException;
import dev.hagfish.types.Type;
import java.util.List;

/**
 * {@code StoredTypes} is the JSON form of the type records the store keeps for values: a list of
 * {@link Type} records, each tagged by its kind in a {@code "t"} property ({@code base},
 * {@code pointer}, {@code struct}, ...). The tag is added by a Jackson mix-in, so the type model
 * itself carries no annotation. Thread-safe.
 */
final class StoredTypes {
    /** Records only: no {@code isX()} bean getters ({@code Member.isBitField}); unknown fields from a later version are skipped. */
    private static final ObjectMapper JSON = JsonMapper.builder().addMixIn(Type.class, Tagged.class)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<Type>> LIST = new TypeReference<>() {};

    private StoredTypes() {}

    /** The mix-in that tags each {@link Type} record with its kind. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "t")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Type.Base.class, name = "base"),
        @JsonSubTypes.Type(value = Type.Pointer.class, name = "pointer"),
        @JsonSubTypes.Type(value = Type.MemberPointer.class, name = "member_pointer"),
        @JsonSubTypes.Type(value = Type.Qualified.class, name = "qualified"),
        @JsonSubTypes.Type(value = Type.Typedef.class, name = "typedef"),
        @JsonSubTypes.Type(value = Type.Struct.class, name = "struct"),
        @JsonSubTypes.Type(value = Type.Enum.class, name = "enum"),
        @JsonSubTypes.Type(value = Type.Array.class, name = "array"),
        @JsonSubTypes.Type(value = Type.Function.class, name = "function"),
        @JsonSubTypes.Type(value = Type.Void.class, name = "void")})
    private interface Tagged {}

    /** Encodes a list of types. */
    static String encode(List<Type> types) throws JsonProcessingException {
        return JSON.writerFor(LIST).writeValueAsString(types);
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @param source names the stored chunk in messages
     * @throws FormatException if the JSON is not such a list
     */
    static List<Type> decode(String json, String source) throws FormatException {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new FormatException(source, e.getLocation() == null ? 0 : e.getLocation().getCharOffset(),
                    "stored types are not readable: " + e.getOriginalMessage());
        }
    }
}
