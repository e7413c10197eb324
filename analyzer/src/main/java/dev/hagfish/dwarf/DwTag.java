package dev.hagfish.dwarf;

import java.util.Map;

/**
 * A {@code DwTag} is a {@code DW_TAG_*} code (DWARF 5 §7.5.3). Codes are an open set.
 *
 * @param code the tag code
 */
public record DwTag(int code) {
    /** Tag codes hagfish reads. */
    public static final int ARRAY_TYPE = 0x01, CLASS_TYPE = 0x02, ENUMERATION_TYPE = 0x04, FORMAL_PARAMETER = 0x05,
            LEXICAL_BLOCK = 0x0b, MEMBER = 0x0d, POINTER_TYPE = 0x0f, REFERENCE_TYPE = 0x10, COMPILE_UNIT = 0x11,
            STRUCTURE_TYPE = 0x13, SUBROUTINE_TYPE = 0x15, TYPEDEF = 0x16, UNION_TYPE = 0x17,
            UNSPECIFIED_PARAMETERS = 0x18, VARIANT = 0x19, INHERITANCE = 0x1c, INLINED_SUBROUTINE = 0x1d,
            PTR_TO_MEMBER_TYPE = 0x1f, SUBRANGE_TYPE = 0x21, BASE_TYPE = 0x24, CONST_TYPE = 0x26, ENUMERATOR = 0x28,
            SUBPROGRAM = 0x2e, VARIABLE = 0x34, VOLATILE_TYPE = 0x35, RESTRICT_TYPE = 0x37, NAMESPACE = 0x39,
            UNSPECIFIED_TYPE = 0x3b, PARTIAL_UNIT = 0x3c, TYPE_UNIT = 0x41, RVALUE_REFERENCE_TYPE = 0x42,
            ATOMIC_TYPE = 0x47, SKELETON_UNIT = 0x4a, TEMPLATE_TYPE_PARAMETER = 0x2f,
            TEMPLATE_VALUE_PARAMETER = 0x30;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(ARRAY_TYPE, "array_type"), Map.entry(CLASS_TYPE, "class_type"),
            Map.entry(ENUMERATION_TYPE, "enumeration_type"), Map.entry(FORMAL_PARAMETER, "formal_parameter"),
            Map.entry(LEXICAL_BLOCK, "lexical_block"), Map.entry(MEMBER, "member"),
            Map.entry(POINTER_TYPE, "pointer_type"), Map.entry(REFERENCE_TYPE, "reference_type"),
            Map.entry(COMPILE_UNIT, "compile_unit"), Map.entry(STRUCTURE_TYPE, "structure_type"),
            Map.entry(SUBROUTINE_TYPE, "subroutine_type"), Map.entry(TYPEDEF, "typedef"),
            Map.entry(UNION_TYPE, "union_type"), Map.entry(UNSPECIFIED_PARAMETERS, "unspecified_parameters"),
            Map.entry(INHERITANCE, "inheritance"), Map.entry(INLINED_SUBROUTINE, "inlined_subroutine"),
            Map.entry(PTR_TO_MEMBER_TYPE, "ptr_to_member_type"), Map.entry(SUBRANGE_TYPE, "subrange_type"),
            Map.entry(BASE_TYPE, "base_type"), Map.entry(CONST_TYPE, "const_type"), Map.entry(ENUMERATOR, "enumerator"),
            Map.entry(SUBPROGRAM, "subprogram"), Map.entry(VARIABLE, "variable"),
            Map.entry(VOLATILE_TYPE, "volatile_type"), Map.entry(RESTRICT_TYPE, "restrict_type"),
            Map.entry(NAMESPACE, "namespace"), Map.entry(UNSPECIFIED_TYPE, "unspecified_type"),
            Map.entry(PARTIAL_UNIT, "partial_unit"), Map.entry(TYPE_UNIT, "type_unit"),
            Map.entry(RVALUE_REFERENCE_TYPE, "rvalue_reference_type"), Map.entry(ATOMIC_TYPE, "atomic_type"),
            Map.entry(SKELETON_UNIT, "skeleton_unit"), Map.entry(TEMPLATE_TYPE_PARAMETER, "template_type_parameter"),
            Map.entry(TEMPLATE_VALUE_PARAMETER, "template_value_parameter"));

    /** Returns {@code DW_TAG_name}, or {@code DW_TAG_0x…} for unknown codes. */
    public String name() {
        String n = NAMES.get(code);
        return n != null ? "DW_TAG_" + n : "DW_TAG_0x" + Integer.toHexString(code);
    }
}
