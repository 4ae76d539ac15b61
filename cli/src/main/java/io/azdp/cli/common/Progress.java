package io.azdp.cli.common;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import io.azdp.cli.output.ControlChars;

/**
 * Progress while waiting, on stderr only: a live {@code \r} line on a terminal, plain lines (one per change of state)
 * otherwise. Never writes to stdout.
 */
public final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final boolean live;
    private final boolean quiet;
    private final LongSupplier nanoClock;
    private final long start;
    private String lastState;
    private int lastWidth;

    public Progress(PrintWriter err, boolean live, boolean quiet, LongSupplier nanoClock) {
        this.err = err;
        this.live = live;
        this.quiet = quiet;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** A progress reporter for the current process: live when stderr is a terminal (see {@link Terminal}). */
    public static Progress forTerminal(PrintWriter err, boolean quiet) {
        return new Progress(err, Terminal.liveProgress(), quiet, System::nanoTime);
    }

    public boolean live() {
        return live;
    }

    public void update(String what, String state, Duration nextPoll) {
        if (quiet) {
            return;
        }
        Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - start);
        // the state is the service's text (an operation's or job's status): a hostile or broken server must not write
        // escape sequences to the terminal through it (issue 15)
        String line = String.format("%s: %s, elapsed %s%s", ControlChars.escape(what), ControlChars.escape(state),
                format(elapsed),
                nextPoll == null ? "" : ", next poll in " + format(nextPoll));
        if (live) {
            String padded = line + " ".repeat(Math.max(0, lastWidth - line.length()));
            err.print("\r" + padded);
            lastWidth = line.length();
            err.flush();
        } else if (!Objects.equals(state, lastState)) {
            err.println(line);
            err.flush();
        }
        lastState = state;
    }

    static String format(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }

    @Override
    public void close() {
        if (live && lastWidth > 0) {
            err.println();
            err.flush();
        }
    }
}
