package dev.tandem.e2e.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionListener;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.device.DeviceProfile;
import dev.tandem.device.VirtualPhone;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.ServerMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A virtual phone in this JVM and the customer holding it: prompts and sharing changes are recorded. */
public final class PhoneCustomer implements SessionListener, AutoCloseable {
    public final VirtualPhone phone;
    public final BlockingQueue<ConsentPrompt> prompts = new LinkedBlockingQueue<>();
    final BlockingQueue<String> sharing = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> session = new CompletableFuture<>();

    private PhoneCustomer(VirtualPhone phone) {
        this.phone = phone;
    }

    public static PhoneCustomer join(String baseUrl, String code, DeviceProfile profile) throws Exception {
        return join(baseUrl, code, VirtualPhone.create(profile));
    }

    /** Joins with {@code phone}, e.g. one that shows a known picture. */
    public static PhoneCustomer join(String baseUrl, String code, VirtualPhone phone) throws Exception {
        return join(baseUrl, code, phone, "Ana");
    }

    /** A phone set to {@code language} (e.g. {@code es}), held by a customer called {@code name}. */
    public static PhoneCustomer join(String baseUrl, String code, DeviceProfile profile, String language, String name)
            throws Exception {
        VirtualPhone phone = VirtualPhone.create(profile);
        phone.language(language);
        return join(baseUrl, code, phone, name);
    }

    private static PhoneCustomer join(String baseUrl, String code, VirtualPhone phone, String name) throws Exception {
        PhoneCustomer customer = new PhoneCustomer(phone);
        customer.phone.join(ServerAddress.parse(baseUrl), SessionCode.parse(code).orElseThrow(), name, customer);
        customer.session.get(10, TimeUnit.SECONDS);
        return customer;
    }

    public String session() {
        return session.join();
    }

    public ConsentPrompt nextPrompt(String kind) throws InterruptedException {
        ConsentPrompt prompt = prompts.poll(10, TimeUnit.SECONDS);
        assertThat(prompt).as("a %s prompt", kind).isNotNull();
        assertThat(prompt.kind().wireName()).isEqualTo(kind);
        return prompt;
    }

    /** The next sharing notice change, as "screen=..,control=..". */
    public String nextSharing() throws InterruptedException {
        String change = sharing.poll(10, TimeUnit.SECONDS);
        assertThat(change).as("a sharing change").isNotNull();
        return change;
    }

    @Override
    public void joined(ServerMessage.Welcome welcome) {
        session.complete(welcome.session);
    }

    @Override
    public void prompt(ConsentPrompt prompt) {
        prompts.add(prompt);
    }

    @Override
    public void sharing(boolean screen, boolean control) {
        sharing.add("screen=" + screen + ",control=" + control);
    }

    @Override
    public void close() {
        phone.close();
    }
}
