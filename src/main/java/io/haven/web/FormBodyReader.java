package io.haven.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads every form body (all Haven forms take a {@code MultivaluedMap}). A garbled body (a lone or broken
 * {@code %} escape, a field without a name such as {@code =} or {@code &=&}, a charset other than UTF-8 or
 * ASCII/Latin-1) is refused with 400 and one short log line, where the framework's reader threw an
 * exception that became a 500 with a stack trace.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Priority(Priorities.USER - 100)
public class FormBodyReader implements MessageBodyReader<MultivaluedMap<String, String>> {

    private static final Logger LOG = Logger.getLogger(FormBodyReader.class);
    private static final Set<String> CHARSETS = Set.of("utf-8", "utf8", "us-ascii", "iso-8859-1");

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return MultivaluedMap.class.isAssignableFrom(type);
    }

    @Override
    public MultivaluedMap<String, String> readFrom(
            Class<MultivaluedMap<String, String>> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        String named = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (named != null && !CHARSETS.contains(named.strip().toLowerCase(Locale.ROOT))) {
            throw refused("charset " + shorten(named));
        }
        Charset charset = named == null ? StandardCharsets.UTF_8 : Charset.forName(named.strip());
        String text = new String(body.readAllBytes(), charset);
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (text.isEmpty()) {
            return form;
        }
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                name = URLDecoder.decode(name, charset);
                value = URLDecoder.decode(value, charset);
            } catch (IllegalArgumentException e) {
                throw refused("a broken % escape");
            }
            if (name.isEmpty()) {
                throw refused("a field without a name");
            }
            form.add(name, value);
        }
        return form;
    }

    private static BadRequestException refused(String why) {
        LOG.infof("Refused a malformed form body (%s): 400", why);
        return new BadRequestException(why);
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9._-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }
}
