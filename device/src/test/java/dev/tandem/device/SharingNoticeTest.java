package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.SessionListener;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The virtual phone's own listener stands between the session and the customer's: every event the
 * session reports must reach the customer, or a new one (such as the survey after a session) is lost
 * on the way to {@code tandem device}'s output.
 */
class SharingNoticeTest {
    @Test
    void everySessionEventIsPassedOnToTheCustomer() {
        List<String> notPassedOn = new ArrayList<>();
        for (Method event : SessionListener.class.getMethods()) {
            try {
                SharingNotice.class.getDeclaredMethod(event.getName(), event.getParameterTypes());
            } catch (NoSuchMethodException e) {
                notPassedOn.add(event.getName());
            }
        }
        assertThat(notPassedOn).as("SessionListener methods SharingNotice does not override").isEmpty();
    }
}
