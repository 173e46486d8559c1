package io.journald4j.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A hand-written {@link SendListener} that remembers what it heard. */
final class RecordingListener implements SendListener {
    final List<DropReason> drops = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    volatile int reconnects;

    @Override
    public void onDropped(DropReason reason, Throwable cause) {
        drops.add(reason);
    }

    @Override
    public void onReconnected() {
        reconnects++;
    }

    @Override
    public void onError(String what, Throwable cause) {
        errors.add(what);
    }
}
