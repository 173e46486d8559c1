package io.journald4j.jul;

import java.util.ListResourceBundle;

/** A resource bundle for the tests that check that MESSAGE is the localised, parameterised text. */
public final class TestMessages extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {{"greeting", "Grüße aus {0}"}, {"plain", "ohne Parameter"}};
    }
}
