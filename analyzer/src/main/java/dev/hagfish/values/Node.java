package dev.hagfish.values;

/**
 * A {@code Node} is one node of a parsed expression. Each carries the 1-based column of the
 * token that makes it (an operator, a name, a literal), for error messages. Types are already
 * resolved to ids of the scope's {@link Types}.
 */
sealed interface Node {
    /** The column of the node's token. */
    int column();

    /** An integer literal. @param column column @param value its bits @param type its C type */
    record IntLiteral(int column, long value, BaseSpelling type) implements Node {}

    /** A floating literal (a {@code double}). @param column column @param value value */
    record FloatLiteral(int column, double value) implements Node {}

    /** A character literal (a {@code char}). @param column column @param value value */
    record CharLiteral(int column, int value) implements Node {}

    /** A global variable, function or enumerator. @param column column @param name name */
    record Name(int column, String name) implements Node {}

    /** A prefix operator: {@code * & - + ~ !}. @param column column @param op op @param operand operand */
    record Unary(int column, String op, Node operand) implements Node {}

    /** A binary operator. @param column column @param op op @param left left @param right right */
    record Binary(int column, String op, Node left, Node right) implements Node {}

    /** {@code c ? a : b}. @param column column @param condition c @param then a @param otherwise b */
    record Conditional(int column, Node condition, Node then, Node otherwise) implements Node {}

    /** {@code (type) operand}. @param column column @param type type id @param operand operand */
    record Cast(int column, long type, Node operand) implements Node {}

    /** {@code sizeof(type)}. @param column column @param type type id */
    record SizeofType(int column, long type) implements Node {}

    /** {@code sizeof expr}. @param column column @param operand operand */
    record SizeofValue(int column, Node operand) implements Node {}

    /**
     * {@code a.m} or {@code a->m}.
     *
     * @param column the column of the member name
     * @param object a
     * @param member m
     * @param arrow whether {@code ->} was written
     */
    record Member(int column, Node object, String member, boolean arrow) implements Node {}

    /** {@code a[i]}. @param column column of {@code [} @param array a @param index i */
    record Index(int column, Node array, Node index) implements Node {}
}
