package dev.hagfish.dwarf;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code TypeClasses} is the table of {@link TypeClass}es that the units of one read share: a
 * key's class is made once, by whichever unit meets it first, and every unit that meets an
 * equal key gets the same class. Besides the classes of types, it numbers the classes of names
 * that pointer keys use ({@link TypeMerger}): a named type as a pointer names it, and the
 * name-level shape of a qualified, array or function type. Class numbers share one sequence.
 *
 * <p>Thread-safe.
 */
final class TypeClasses {
    /** A named type as a pointer to it names it. */
    private record Named(int tag, String name, boolean cplusplus) {}

    /** The name-level shape of a qualified, array or function type: its references are name classes. */
    private record Shape(TypeDie key) {}

    private final ConcurrentHashMap<Object, TypeClass> classes = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /**
     * A unit's type DIE with the classes its references map to, looked up among the keys
     * without copying it: most types are met again, and then no key is made.
     */
    private static final class Probe {
        private final TypeDie die;
        private final long[] refs;
        private final int hash;

        Probe(TypeDie die, long[] refs) {
            this.die = die;
            this.refs = refs;
            this.hash = TypeKeys.hash(die, refs);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TypeDie k && k.hashCode() == hash && TypeKeys.same(die, refs, k);
        }
    }

    /**
     * Returns the class of a unit's type DIE whose references map to {@code refs} (in
     * {@link TypeDie#ref} order), making its key if it is new.
     */
    TypeClass full(TypeDie die, long[] refs) {
        TypeClass c = classes.get(new Probe(die, refs)); // no bin lock and no copy for a known type
        if (c != null) {
            return c;
        }
        TypeDie key = die.withRefs(die.offset, refs);
        return classes.computeIfAbsent(key, k -> new TypeClass(next.getAndIncrement(), key, false));
    }

    /** Returns a new class of one DIE, whose references stay DIE offsets. */
    TypeClass single(TypeDie die) {
        return new TypeClass(next.getAndIncrement(), die, true);
    }

    /** Returns the name class of a named struct, class, union, enum, typedef or base type. */
    int named(int tag, String name, boolean cplusplus) {
        return number(new Named(tag, name, cplusplus));
    }

    /** Returns the name class of a qualified, array or function type whose references are name classes. */
    int shape(TypeDie key) {
        return number(new Shape(key));
    }

    private int number(Object key) {
        TypeClass c = classes.get(key);
        return (c != null ? c : classes.computeIfAbsent(key, k -> new TypeClass(next.getAndIncrement(), null, false)))
                .number;
    }

    /** Returns a new name class that equals no other. */
    int singleName() {
        return next.getAndIncrement();
    }

    /** Returns how many class numbers were given out. */
    int count() {
        return next.get();
    }
}
