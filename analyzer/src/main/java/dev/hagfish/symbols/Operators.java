package dev.hagfish.symbols;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code Operators} is the table of two-letter operator codes of the Itanium C++ ABI §5.1.3
 * ({@code <operator-name>}) and §5.1.6 ({@code <expression>}), with the spelling, the arity and
 * the precedence llvm-cxxfilt uses. The table is built once and never changes.
 */
final class Operators {
    /** How an operator takes its operands in an expression. */
    enum Kind {
        PREFIX, POSTFIX, BINARY, MEMBER, SUBSCRIPT, CALL, CONDITIONAL, CONVERSION, NAMED_CAST,
        OF_TYPE, OF_EXPR, NEW, DELETE, AWAIT
    }

    /**
     * One operator.
     *
     * @param code the two-letter mangling
     * @param kind how it takes its operands
     * @param symbol how it prints in an expression
     * @param prec its precedence
     * @param isName whether it may also appear as an {@code operator} function name
     */
    record Op(String code, Kind kind, String symbol, Node.Prec prec, boolean isName) {
        /** Returns the function name: {@code operator+}, {@code operator new[]}. */
        String functionName() {
            char c = symbol.charAt(0);
            return Cursor.isLower(c) ? "operator " + symbol : "operator" + symbol;
        }
    }

    private static final Map<String, Op> TABLE = build();

    private Operators() {
    }

    /** Returns the operator with this code, or null. */
    static Op find(String code) {
        return TABLE.get(code);
    }

    private static Map<String, Op> build() {
        Map<String, Op> m = new HashMap<>();
        for (Object[] row : new Object[][] {
            {"aa", Kind.BINARY, "&&", Node.Prec.AND_IF, true},
            {"ad", Kind.PREFIX, "&", Node.Prec.UNARY, true},
            {"an", Kind.BINARY, "&", Node.Prec.AND, true},
            {"aN", Kind.BINARY, "&=", Node.Prec.ASSIGN, true},
            {"aS", Kind.BINARY, "=", Node.Prec.ASSIGN, true},
            {"aw", Kind.AWAIT, "co_await", Node.Prec.UNARY, true},
            {"az", Kind.OF_EXPR, "alignof ", Node.Prec.UNARY, false},
            {"at", Kind.OF_TYPE, "alignof ", Node.Prec.UNARY, false},
            {"cc", Kind.NAMED_CAST, "const_cast", Node.Prec.POSTFIX, false},
            {"cl", Kind.CALL, "()", Node.Prec.POSTFIX, true},
            {"cm", Kind.BINARY, ",", Node.Prec.COMMA, true},
            {"co", Kind.PREFIX, "~", Node.Prec.UNARY, true},
            {"cv", Kind.CONVERSION, "", Node.Prec.CAST, false},
            {"da", Kind.DELETE, "delete[]", Node.Prec.UNARY, true},
            {"dc", Kind.NAMED_CAST, "dynamic_cast", Node.Prec.POSTFIX, false},
            {"de", Kind.PREFIX, "*", Node.Prec.UNARY, true},
            {"dl", Kind.DELETE, "delete", Node.Prec.UNARY, true},
            {"ds", Kind.MEMBER, ".*", Node.Prec.PTR_MEM, false},
            {"dt", Kind.MEMBER, ".", Node.Prec.POSTFIX, false},
            {"dv", Kind.BINARY, "/", Node.Prec.MULTIPLICATIVE, true},
            {"dV", Kind.BINARY, "/=", Node.Prec.ASSIGN, true},
            {"eo", Kind.BINARY, "^", Node.Prec.XOR, true},
            {"eO", Kind.BINARY, "^=", Node.Prec.ASSIGN, true},
            {"eq", Kind.BINARY, "==", Node.Prec.EQUALITY, true},
            {"ge", Kind.BINARY, ">=", Node.Prec.RELATIONAL, true},
            {"gt", Kind.BINARY, ">", Node.Prec.RELATIONAL, true},
            {"ix", Kind.SUBSCRIPT, "[]", Node.Prec.POSTFIX, true},
            {"lS", Kind.BINARY, "<<=", Node.Prec.ASSIGN, true},
            {"le", Kind.BINARY, "<=", Node.Prec.RELATIONAL, true},
            {"ls", Kind.BINARY, "<<", Node.Prec.SHIFT, true},
            {"lt", Kind.BINARY, "<", Node.Prec.RELATIONAL, true},
            {"mi", Kind.BINARY, "-", Node.Prec.ADDITIVE, true},
            {"mI", Kind.BINARY, "-=", Node.Prec.ASSIGN, true},
            {"ml", Kind.BINARY, "*", Node.Prec.MULTIPLICATIVE, true},
            {"mL", Kind.BINARY, "*=", Node.Prec.ASSIGN, true},
            {"mm", Kind.POSTFIX, "--", Node.Prec.POSTFIX, true},
            {"na", Kind.NEW, "new[]", Node.Prec.UNARY, true},
            {"ne", Kind.BINARY, "!=", Node.Prec.EQUALITY, true},
            {"ng", Kind.PREFIX, "-", Node.Prec.UNARY, true},
            {"nt", Kind.PREFIX, "!", Node.Prec.UNARY, true},
            {"nw", Kind.NEW, "new", Node.Prec.UNARY, true},
            {"oo", Kind.BINARY, "||", Node.Prec.OR_IF, true},
            {"or", Kind.BINARY, "|", Node.Prec.IOR, true},
            {"oR", Kind.BINARY, "|=", Node.Prec.ASSIGN, true},
            {"pl", Kind.BINARY, "+", Node.Prec.ADDITIVE, true},
            {"pL", Kind.BINARY, "+=", Node.Prec.ASSIGN, true},
            {"pm", Kind.MEMBER, "->*", Node.Prec.PTR_MEM, false},
            {"pp", Kind.POSTFIX, "++", Node.Prec.POSTFIX, true},
            {"ps", Kind.PREFIX, "+", Node.Prec.UNARY, true},
            {"pt", Kind.MEMBER, "->", Node.Prec.POSTFIX, true},
            {"qu", Kind.CONDITIONAL, "?", Node.Prec.CONDITIONAL, true},
            {"rc", Kind.NAMED_CAST, "reinterpret_cast", Node.Prec.POSTFIX, false},
            {"rm", Kind.BINARY, "%", Node.Prec.MULTIPLICATIVE, true},
            {"rM", Kind.BINARY, "%=", Node.Prec.ASSIGN, true},
            {"rs", Kind.BINARY, ">>", Node.Prec.SHIFT, true},
            {"rS", Kind.BINARY, ">>=", Node.Prec.ASSIGN, true},
            {"sc", Kind.NAMED_CAST, "static_cast", Node.Prec.POSTFIX, false},
            {"ss", Kind.BINARY, "<=>", Node.Prec.SPACESHIP, true},
            {"st", Kind.OF_TYPE, "sizeof ", Node.Prec.UNARY, false},
            {"sz", Kind.OF_EXPR, "sizeof ", Node.Prec.UNARY, false},
            {"te", Kind.OF_EXPR, "typeid ", Node.Prec.POSTFIX, false},
            {"ti", Kind.OF_TYPE, "typeid ", Node.Prec.POSTFIX, false},
        }) {
            Op op = new Op((String) row[0], (Kind) row[1], (String) row[2], (Node.Prec) row[3],
                    (Boolean) row[4]);
            m.put(op.code(), op);
        }
        return Map.copyOf(m);
    }
}
