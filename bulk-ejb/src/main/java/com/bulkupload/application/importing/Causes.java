package com.bulkupload.application.importing;

/** Looking through an exception's cause chain, as the error mappers and the importer must (CXF and EJB wrap). */
public final class Causes {

    private Causes() {
    }

    /** The first throwable of the type in the chain, the throwable itself included; null if none. */
    public static <T extends Throwable> T find(Throwable throwable, Class<T> type) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
