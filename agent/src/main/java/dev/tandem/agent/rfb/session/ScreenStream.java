package dev.tandem.agent.rfb.session;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.rfb.encoding.ByteSink;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.PixelFormat;
import dev.tandem.agent.rfb.encoding.Rect;
import dev.tandem.agent.screen.PhoneInput;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's screen served to one VNC viewer as an RFB 3.8 server (RFC 6143) over a byte channel:
 * handshake with security None, then FramebufferUpdates on request and the viewer's pointer and keys
 * as phone gestures. The customer's consent is checked at every update and every input event: without
 * SCREEN no FramebufferUpdate is sent (the viewer just waits; after a stop, pixels cease within one
 * poll interval), without CONTROL input is dropped.
 *
 * <p>Threading: two daemon threads per viewer. The <em>reader</em> runs the handshake, then reads
 * client messages and injects input. The <em>updater</em>, started after the handshake, is the only
 * thread that writes to the channel from then on (the handshake's writes happen before it starts), so
 * writes are never concurrent. It answers one FramebufferUpdateRequest with one FramebufferUpdate when
 * there is something to send, and otherwise captures again when the screen says it changed
 * ({@link ScreenSource#watch}), every poll interval, or when woken by a new request; so a slow viewer
 * slows only its own stream and memory stays bounded.
 *
 * <p>With the ContinuousUpdates and Fence extensions ({@link ContinuousUpdates}) the update thread
 * pushes changes without waiting for requests, at most two fences ahead of the viewer.
 *
 * <p>Sizes: the frames' size is the phone's ({@link SharedScreen}); a viewer that names the
 * ExtendedDesktopSize extension is told so and may ask for another with SetDesktopSize, answered with
 * the first update of the new size. Pointer positions are in the viewer's (frame) pixels and are mapped
 * to phone pixels with the geometry of the frame the viewer had drawn when it sent them. A malformed message or
 * a failure ends this stream only. {@link #close()} and every other ending close both streams, which
 * must unblock a blocked read or write (sockets do); {@link #closed()} completes once both threads are
 * gone. Public methods are thread-safe.
 */
public final class ScreenStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScreenStream.class);
    private static final AtomicInteger VIEWERS = new AtomicInteger();
    private static final long JOIN_MILLIS = 5000;

    private final InputStream viewerIn;
    private final OutputStream viewerOut;
    private final SharedScreen shared;
    private final ScreenSource screen;
    private final PhoneInput input;
    private final ConsentLedger consent;
    private final StreamSettings settings;
    private final String name;
    private final PointerGestures gestures;
    private final CompletableFuture<StreamClosure> closed = new CompletableFuture<>();
    private final Thread reader;
    private final Object lock = new Object();
    private final Runnable wake = this::screenChanged;
    /** The geometry of the last frame sent. */
    private volatile ScreenGeometry sentGeometry;
    /**
     * The geometry of the frames the viewer has shown, so far as it told us (reader thread only): a
     * pointer position is in the pixels of the frame the viewer had drawn when it sent it, which after a
     * resize may still be the old one. A request (sent after the viewer handled the update before it)
     * or the echo of a fence that followed an update moves it on.
     */
    private ScreenGeometry viewerGeometry;
    /** The geometry sent with each fence not echoed yet, oldest first (guarded by lock). */
    private final ArrayDeque<ScreenGeometry> fencedGeometries = new ArrayDeque<>();
    // Guarded by lock: what the reader learnt and the updater acts on.
    private PixelFormat format = PixelFormat.NATURAL;
    private ViewerEncodings encodings = ViewerEncodings.RAW_ONLY;
    private UpdateRequest pending;
    private boolean screenChanged;
    private final ContinuousUpdates continuous = new ContinuousUpdates();
    private final SizeRequests sizes;
    private StreamClosure ending;
    private Thread updater;

    private ScreenStream(InputStream viewerIn, OutputStream viewerOut, SharedScreen shared, PhoneInput input,
            ConsentLedger consent, StreamSettings settings) {
        this.viewerIn = viewerIn;
        this.viewerOut = viewerOut;
        this.shared = shared;
        this.screen = shared.source();
        this.sizes = new SizeRequests(shared, this);
        this.input = input;
        this.consent = consent;
        this.settings = settings;
        this.name = "rfb-viewer-" + VIEWERS.incrementAndGet();
        this.gestures = new PointerGestures(input, settings.swipeSlop(), settings.longPress().toMillis(),
                () -> System.nanoTime() / 1_000_000);
        this.reader = new Thread(this::readViewer, name + "-reader");
        reader.setDaemon(true);
    }

    /**
     * Starts serving one viewer on {@code viewerIn}/{@code viewerOut} (the stream owns and closes both).
     * Returns at once; the handshake runs on the stream's reader thread.
     */
    public static ScreenStream start(InputStream viewerIn, OutputStream viewerOut, ScreenSource screen,
            PhoneInput input, ConsentLedger consent, StreamSettings settings) {
        return start(viewerIn, viewerOut, SharedScreen.of(screen), input, consent, settings);
    }

    /** As above, for one of several viewers of the same phone: they share its capture size. */
    public static ScreenStream start(InputStream viewerIn, OutputStream viewerOut, SharedScreen screen,
            PhoneInput input, ConsentLedger consent, StreamSettings settings) {
        ScreenStream stream = new ScreenStream(viewerIn, viewerOut, screen, input, consent, settings);
        stream.reader.start();
        return stream;
    }

    /** Completes with the reason once the stream has ended and its threads are gone. */
    public CompletableFuture<StreamClosure> closed() {
        return closed;
    }

    /** Ends the stream (idempotent) and waits for its threads; the viewer sees the channel close. */
    @Override
    public void close() {
        end(StreamClosure.of(StreamClosure.Cause.CLOSED_BY_AGENT, "the screen stream was closed by the agent"));
        if (Thread.currentThread() != reader && Thread.currentThread() != updaterThread()) {
            try {
                closed.get(JOIN_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("{}: threads did not end within {} ms", name, JOIN_MILLIS);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private void readViewer() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(viewerIn))) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(viewerOut, 64 * 1024));
            ScreenGeometry geometry = screen.geometry();
            sentGeometry = geometry;
            viewerGeometry = geometry;
            RfbHandshake.serve(in, out, geometry.frame().width(), geometry.frame().height(),
                    settings.desktopName());
            shared.addWatcher(wake);
            startUpdater(out, geometry.frame());
            ClientMessageReader messages = new ClientMessageReader(in, settings.maxCutTextBytes());
            ClientMessageReader.Handler handler = new ViewerMessages();
            while (true) {
                messages.readOne(handler);
            }
        } catch (StreamEndException e) {
            end(e.closure());
        } catch (EOFException e) {
            end(StreamClosure.of(StreamClosure.Cause.VIEWER_LEFT, "the viewer disconnected"));
        } catch (IOException e) {
            end(StreamClosure.of(StreamClosure.Cause.CONNECTION_LOST, "reading from the viewer failed: " + e));
        } catch (RuntimeException e) {
            log.error("{}: reading the viewer failed", name, e);
            end(StreamClosure.of(StreamClosure.Cause.INTERNAL_ERROR, "the agent failed: " + e));
        } finally {
            end(StreamClosure.of(StreamClosure.Cause.CONNECTION_LOST, "the viewer's channel ended"));
            shared.removeWatcher(wake);
            shared.left(this);
            Thread updaterThread = updaterThread();
            if (updaterThread != null) {
                try {
                    updaterThread.join(JOIN_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            StreamClosure closure;
            synchronized (lock) {
                closure = ending;
            }
            log.info("{}: screen stream ended, {}", name, closure);
            closed.complete(closure);
        }
    }

    private void startUpdater(DataOutputStream out, ScreenSize announced) {
        synchronized (lock) {
            if (ending != null) {
                return;
            }
            updater = new Thread(() -> writeUpdates(out, announced), name + "-updates");
            updater.setDaemon(true);
            updater.start();
        }
    }

    private Thread updaterThread() {
        synchronized (lock) {
            return updater;
        }
    }

    private void writeUpdates(OutputStream out, ScreenSize announced) {
        long pollMillis = Math.max(1, settings.pollInterval().toMillis());
        List<byte[]> messages = new ArrayList<>();
        try (FramebufferUpdates updates = new FramebufferUpdates(announced.width(), announced.height(),
                settings.zlibLevel(), settings.jpeg())) {
            while (true) {
                UpdateRequest request;
                boolean standing;
                PixelFormat viewerFormat;
                ViewerEncodings viewerEncodings;
                synchronized (lock) {
                    while (ending == null && pending == null && !continuous.hasMessages()
                            && continuous.standingRequest() == null) {
                        lock.wait();
                    }
                    if (ending != null) {
                        return;
                    }
                    for (byte[] message = continuous.nextMessage(); message != null; message = continuous.nextMessage()) {
                        messages.add(message);
                    }
                    // Taken before anything is written: a request the viewer sends once it has read
                    // this update is a new one, never merged into the one being answered.
                    standing = pending == null;
                    request = standing ? continuous.standingRequest() : pending;
                    pending = null;
                    screenChanged = false;
                    viewerFormat = format;
                    viewerEncodings = encodings;
                }
                if (!messages.isEmpty()) {
                    for (byte[] message : messages) {
                        out.write(message);
                    }
                    out.flush();
                    messages.clear();
                }
                if (request == null) {
                    continue;
                }
                if (consent.isGranted(ConsentKind.SCREEN) && send(updates, request, viewerFormat, viewerEncodings,
                        out)) {
                    continue;
                }
                synchronized (lock) {
                    // Nothing to send yet: a request stays open (joined with any that came meanwhile); the
                    // continuous updates' standing request is there anyway.
                    boolean alone = pending == null;
                    if (!standing) {
                        pending = alone ? request : request.merge(pending);
                    }
                    if (ending == null && alone && !screenChanged && !continuous.hasMessages()) {
                        lock.wait(pollMillis);
                    }
                }
            }
        } catch (StreamEndException e) {
            end(e.closure());
        } catch (IOException e) {
            end(StreamClosure.of(StreamClosure.Cause.CONNECTION_LOST, "writing to the viewer failed: " + e));
        } catch (InterruptedException e) {
            end(StreamClosure.of(StreamClosure.Cause.CLOSED_BY_AGENT, "the screen stream was interrupted"));
        } catch (RuntimeException e) {
            log.error("{}: sending the screen failed", name, e);
            end(StreamClosure.of(StreamClosure.Cause.INTERNAL_ERROR, "the agent failed: " + e));
        }
    }

    /**
     * Sends one update if there is one, followed by a fence while continuous updates are on; false when
     * there was nothing to send.
     */
    private boolean send(FramebufferUpdates updates, UpdateRequest request, PixelFormat viewerFormat,
            ViewerEncodings viewerEncodings, OutputStream out) throws IOException, StreamEndException {
        Frame frame = screen.capture();
        ScreenGeometry geometry = screen.geometry();
        ScreenSize size = ScreenSize.of(frame.width(), frame.height());
        if (!geometry.frame().equals(size)) {
            return false; // caught between a new size and its first frame: the next capture has both
        }
        SizeNotice owed = sizes.owed();
        SizeNotice notice = owed == null ? null : owed.readyFor(size, System.nanoTime());
        ByteSink update = updates.prepare(request, frame, viewerFormat, viewerEncodings, notice);
        // Encoding takes time; the customer may have stopped sharing meanwhile.
        if (update == null || !consent.isGranted(ConsentKind.SCREEN)) {
            return false;
        }
        update.writeTo(out);
        byte[] fence = null;
        synchronized (lock) {
            if (continuous.enabled()) {
                fence = continuous.sent();
                fencedGeometries.add(geometry);
            }
        }
        if (fence != null) {
            out.write(fence);
        }
        out.flush();
        updates.commit();
        sentGeometry = geometry;
        if (notice != null) {
            sizes.delivered(owed);
        }
        return true;
    }

    private void screenChanged() {
        synchronized (lock) {
            screenChanged = true;
            lock.notifyAll();
        }
    }

    private void end(StreamClosure closure) {
        synchronized (lock) {
            if (ending != null) {
                return;
            }
            ending = closure;
            lock.notifyAll();
        }
        closeQuietly(viewerIn);
        closeQuietly(viewerOut);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // Already broken; the stream is ending either way.
        }
    }

    /** The reader thread's view of the viewer's messages. */
    private final class ViewerMessages implements ClientMessageReader.Handler {
        @Override
        public void pixelFormat(PixelFormat viewerFormat) {
            synchronized (lock) {
                format = viewerFormat;
            }
        }

        @Override
        public void encodings(ViewerEncodings viewerEncodings) {
            synchronized (lock) {
                sizes.encodings(encodings.extendedDesktopSize(), viewerEncodings.extendedDesktopSize());
                encodings = viewerEncodings;
                continuous.encodings(viewerEncodings.continuousUpdates(), viewerEncodings.fence());
                lock.notifyAll();
            }
        }

        @Override
        public void continuousUpdates(boolean enable, Rect area) {
            synchronized (lock) {
                continuous.enable(enable, area);
                lock.notifyAll();
            }
        }

        @Override
        public void fence(int flags, byte[] payload) {
            synchronized (lock) {
                if ((flags & ContinuousUpdates.FENCE_REQUEST) == 0 && !fencedGeometries.isEmpty()) {
                    viewerGeometry = fencedGeometries.poll();
                }
                continuous.fence(flags, payload);
                lock.notifyAll();
            }
        }

        @Override
        public void desktopSize(int width, int height, int screens) {
            sizes.request(width, height, screens);
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        @Override
        public void updateRequest(UpdateRequest request) {
            viewerGeometry = sentGeometry;
            synchronized (lock) {
                pending = pending == null ? request : pending.merge(request);
                lock.notifyAll();
            }
        }

        @Override
        public void key(boolean down, int keysym) {
            if (down && consent.isGranted(ConsentKind.CONTROL)) {
                KeysymInput.press(keysym, input);
            }
        }

        @Override
        public void pointer(int buttonMask, int x, int y) {
            ScreenGeometry geometry = viewerGeometry;
            gestures.pointer(buttonMask, geometry.phoneX(x), geometry.phoneY(y), geometry.phone().width(),
                    geometry.phone().height(), consent.isGranted(ConsentKind.CONTROL));
        }

        @Override
        public void cutText(String text) {
            String typed = text.replace("\r\n", "\n");
            if (!typed.isEmpty() && consent.isGranted(ConsentKind.CONTROL)) {
                input.type(typed);
            }
        }
    }
}
