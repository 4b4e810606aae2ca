package io.haven.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.MessageBundle;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * Text for a message key from whichever bundle holds it, in a given language. Form errors are stored as
 * keys (so tests and code compare keys, not sentences) and become text only when the page is drawn. The
 * bundles are found among the application's beans, so this shared class names no feature.
 */
public final class MessageKeys {

    private static volatile Map<String, Method> byKey;

    private MessageKeys() {}

    /** The text of {@code key} with its arguments, or the key itself if no bundle has it. */
    public static String text(String key, Language language, Object... args) {
        Method m = index().get(key);
        if (m == null || m.getParameterCount() != args.length) {
            return key;
        }
        try {
            return (String) m.invoke(Messages.get(m.getDeclaringClass(), language), args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Message " + key + " cannot be read", e);
        }
    }

    /** Whether some bundle holds this key (for tests of constraint messages). */
    public static boolean exists(String key) {
        return index().containsKey(key);
    }

    private static Map<String, Method> index() {
        Map<String, Method> found = byKey;
        if (found == null) {
            found = new HashMap<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                for (Type type : bean.getTypes()) {
                    if (type instanceof Class<?> c && c.isInterface() && c.isAnnotationPresent(MessageBundle.class)) {
                        for (Method m : c.getMethods()) {
                            if (m.getReturnType() == String.class) {
                                found.putIfAbsent(m.getName(), m);
                            }
                        }
                    }
                }
            }
            byKey = found;
        }
        return found;
    }
}
