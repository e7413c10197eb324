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

    /** Returns the class of types with this key (references already classes). */
    TypeClass full(TypeDie key) {
        TypeClass c = classes.get(key); // most keys are met again: no bin lock for them
        return c != null ? c : classes.computeIfAbsent(key, k -> new TypeClass(next.getAndIncrement(), key, false));
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
