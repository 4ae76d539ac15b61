package io.azdp.cli.backup;

import io.azdp.cli.common.ExitCode;
import io.azdp.client.lro.AdhocBackupPoller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which items of a bulk run have no output line yet, and where each stands: not sent, its POST in flight, or started
 * (with its poller). On Ctrl-C or SIGTERM it gives a line for every such item, so that the output still accounts for
 * every row.
 */
final class BulkLedger {
    private final Map<Integer, BulkItem> unfinished = new ConcurrentHashMap<>();
    private final Set<Integer> posting = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AdhocBackupPoller> started = new ConcurrentHashMap<>();

    BulkLedger(List<BulkItem> items) {
        items.forEach(item -> unfinished.put(item.index(), item));
    }

    void posting(BulkItem item) {
        posting.add(item.index());
    }

    void notPosting(BulkItem item) {
        posting.remove(item.index());
    }

    void started(BulkItem item, AdhocBackupPoller poller) {
        started.put(item.index(), poller);
        posting.remove(item.index());
    }

    /** The item has its output line. */
    void finished(int index) {
        unfinished.remove(index);
        posting.remove(index);
        started.remove(index);
    }

    /** What an interrupted run says about the items without a line: counts and one line each (exit code 130). */
    record Interrupted(int started, int inFlight, int notSent, List<BulkItemResult> lines) {
    }

    Interrupted interrupted() {
        int s = 0;
        int inFlight = 0;
        int notSent = 0;
        List<BulkItemResult> lines = new ArrayList<>();
        for (BulkItem item : new TreeMap<>(unfinished).values()) {
            AdhocBackupPoller poller = started.get(item.index());
            if (poller != null) {
                s++;
                lines.add(line(item, "Started", poller.state().operationId(), poller.resumeTokenIfAny().orElse(null)));
            } else if (posting.contains(item.index())) {
                inFlight++;
                lines.add(line(item, "InFlight", null, null));
            } else {
                notSent++;
                lines.add(line(item, "NotSent", null, null));
            }
        }
        return new Interrupted(s, inFlight, notSent, lines);
    }

    private static BulkItemResult line(BulkItem item, String status, String operationId, String token) {
        return new BulkItemResult(item.index(), item.source(), item.instance().toString(), status,
                ExitCode.INTERRUPTED.code(), null, null, operationId, token, "interrupted", 0, null);
    }
}
