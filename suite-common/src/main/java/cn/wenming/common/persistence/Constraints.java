package cn.wenming.common.persistence;

import java.util.function.Supplier;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import cn.wenming.common.problem.ProblemException;

/**
 * Unique keys that a concurrent writer can take between a service's check and its insert. A
 * service checks first (for a clear 409 in the common case), then writes through
 * {@link #flushOrConflict}, which turns the database's refusal into the same 409.
 */
public final class Constraints {

    private Constraints() {
    }

    /** True when {@code e} (or a cause) is the violation of the named constraint. */
    public static boolean violated(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException v && v.getConstraintName() != null
                    && v.getConstraintName().toLowerCase().contains(constraint.toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    /** Runs a write that flushes; a violation of {@code constraint} becomes {@code conflict}. */
    public static void flushOrConflict(Runnable write, String constraint, Supplier<ProblemException> conflict) {
        try {
            write.run();
        } catch (PersistenceException e) {
            if (violated(e, constraint)) {
                throw conflict.get();
            }
            throw e;
        }
    }
}
