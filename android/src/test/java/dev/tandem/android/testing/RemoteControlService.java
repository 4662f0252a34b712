package dev.tandem.android.testing;

import dev.tandem.android.input.TandemAccessibilityService;
import java.lang.reflect.Method;
import org.robolectric.Robolectric;
import org.robolectric.android.controller.ServiceController;

/** Tandem's accessibility service as Android runs it once the customer switched it on. */
public final class RemoteControlService {
    private RemoteControlService() {
    }

    /** A created service that is not bound yet (the settings may say on; Android has not connected it). */
    public static ServiceController<TandemAccessibilityService> created() {
        return Robolectric.buildService(TandemAccessibilityService.class).create();
    }

    /** A created service that Android has bound. */
    public static ServiceController<TandemAccessibilityService> switchedOn() {
        ServiceController<TandemAccessibilityService> service = created();
        connect(service.get());
        return service;
    }

    /** What Android does once the customer switched the service on: it binds it and calls onServiceConnected. */
    public static void connect(TandemAccessibilityService service) {
        try {
            Method connected = TandemAccessibilityService.class.getDeclaredMethod("onServiceConnected");
            connected.setAccessible(true);
            connected.invoke(service);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
