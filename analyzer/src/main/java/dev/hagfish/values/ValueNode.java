package dev.hagfish.values;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A {@code ValueNode} is one value of a printed tree, in the shape {@code print --json} writes:
 * a struct or union with its {@code members}, an array with its {@code elements}, or a scalar
 * with its {@code value} and the {@code text} gdb prints for it. Fields that do not apply are
 * null (and left out of the JSON).
 *
 * @param name the member's name; {@code <Base>} for a C++ base; null for the top, for an array
 *     element and for an anonymous struct or union member
 * @param kind {@code struct}, {@code union}, {@code class}, {@code array}, {@code string} (a
 *     character array), {@code pointer}, {@code function}, {@code integer}, {@code char},
 *     {@code bool}, {@code enum}, {@code float}, {@code incomplete} or {@code void}
 * @param type the declared C type, e.g. {@code struct proc *}
 * @param address where the value is ({@code 0x…}), or null for a computed value
 * @param bitPosition a bit-field's first bit within the byte at {@code address}, else null
 * @param bitSize a bit-field's width, else null
 * @param value a scalar: an integer, char, bool or enum as a decimal number (unsigned types
 *     unsigned), a pointer or function as {@code 0x…}, a float as gdb prints it
 * @param symbol the {@code symbol+offset} a pointer or function points into, or null
 * @param enumerator an enum value's name ({@code (A | B)} for a flag enum), or null
 * @param string the characters of a character array (up to the first NUL) or of the string a
 *     character pointer points to, or null
 * @param text the scalar's text as gdb prints it, e.g. {@code 2 '\002'}
 * @param repeats for an array element standing for identical elements, how many it stands for
 * @param elided true when {@code --depth} cut the struct off ({@code {...}})
 * @param truncated true when an array has more elements than were printed
 * @param error why part of the value could not be read, or null
 * @param members a struct's, class's or union's bases and members, in order
 * @param elements an array's elements (runs of identical ones as one element with {@code repeats})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueNode(String name, String kind, String type, String address, Integer bitPosition, Integer bitSize,
        String value, String symbol, String enumerator, String string, String text, Integer repeats, Boolean elided,
        Boolean truncated, String error, List<ValueNode> members, List<ValueNode> elements) {

    /** Returns this node with a member name. */
    public ValueNode named(String memberName) {
        return new ValueNode(memberName, kind, type, address, bitPosition, bitSize, value, symbol, enumerator, string,
                text, repeats, elided, truncated, error, members, elements);
    }

    /** Returns this node standing for {@code n} identical array elements. */
    public ValueNode repeated(int n) {
        return new ValueNode(name, kind, type, address, bitPosition, bitSize, value, symbol, enumerator, string, text,
                n, elided, truncated, error, members, elements);
    }
}
