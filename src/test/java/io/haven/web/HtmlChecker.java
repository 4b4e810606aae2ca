package io.haven.web;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The Nu HTML Checker (the engine behind validator.w3.org/nu, "vnu"), reporting errors only. */
public final class HtmlChecker {

    private HtmlChecker() {}

    /** Collects errors; warnings and info are left out. */
    static final class Errors implements ErrorHandler {
        final List<String> found = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            found.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }

    /** Every error the checker finds in a document, as {@code line L, column C: message}; empty when it is valid. */
    public static List<String> errorsIn(String html, String systemId) throws Exception {
        Errors errors = new Errors();
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", errors);
        validator.setUpValidatorAndParsers(errors, false, false);
        InputSource source = new InputSource(new StringReader(html));
        source.setSystemId(systemId);
        validator.checkHtmlInputSource(source);
        return errors.found;
    }
}
