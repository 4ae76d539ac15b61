package io.azdp.cli.backup;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.output.ControlChars;
import io.azdp.cli.common.ErrorMapper;
import io.azdp.cli.common.ExitCode;
import io.azdp.cli.output.OutputMixin;
import io.azdp.client.ClientSettings;
import io.azdp.client.MutinyDataProtectionClient;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A bulk {@code --what-if} (issue 13): per item, the client's read-only pre-flight (GETs of the instance and its policy,
 * the policy read once per policy as in a real bulk run), then one preview line per item in input order with what the
 * pre-flight found; nothing is POSTed. With {@code --skip-preflight} nothing is read and every line says so.
 */
final class BulkWhatIf {
    static final String NOT_CHECKED = "not checked (--skip-preflight)";

    private BulkWhatIf() {
    }

    /** 0 when every item passed (or nothing was checked), else {@link ExitCode#PARTIAL_FAILURE}, as a real run ends. */
    static ExitCode run(CliContext context, OutputMixin output, List<BulkItem> items, int parallel,
            boolean skipPreflight) {
        ClientSettings settings = context.settings();
        if (skipPreflight) {
            context.err().println("what-if: not checked (--skip-preflight): the instances' states, rule names and "
                    + "retention tags were not read from the service");
            context.err().flush();
            items.forEach(item -> output.printLine(context.out(),
                    HttpPreview.adhocBackup(settings, item.instance(), item.body(), NOT_CHECKED)));
            failOnQueryError(output);
            return ExitCode.SUCCESS;
        }
        MutinyDataProtectionClient client = context.client().mutiny();
        List<Uni<HttpPreview>> checks = items.stream().map(item -> client.preflight(item.instance(), item.body())
                .map(checked -> HttpPreview.adhocBackup(settings, item.instance(), checked, HttpPreview.PASSED))
                .onFailure().recoverWithItem(f -> HttpPreview.adhocBackup(settings, item.instance(), item.body(),
                        refused(f)))).toList();
        // in input order, at most --parallel reads in flight
        List<HttpPreview> previews = Uni.join().all(checks).usingConcurrencyOf(parallel).andFailFast().await()
                .indefinitely();
        long refused = previews.stream().filter(p -> !HttpPreview.PASSED.equals(p.preflight())).count();
        previews.forEach(p -> output.printLine(context.out(), p));
        if (!context.quiet()) {
            context.err().println("what-if: " + items.size() + " items, " + (items.size() - refused)
                    + " passed the pre-flight, " + refused + " refused; nothing was sent");
            context.err().flush();
        }
        failOnQueryError(output);
        return refused == 0 ? ExitCode.SUCCESS : ExitCode.PARTIAL_FAILURE;
    }

    /** Nothing was sent: a --query that could not run on a preview line is the user's, exit 2 (the lines stand). */
    private static void failOnQueryError(OutputMixin output) {
        output.lineQueryError().ifPresent(error -> {
            throw CliException.usage(error);
        });
    }

    /** The finding of a pre-flight that refused the item (or could not read it), with the exit code a run would give. */
    private static String refused(Throwable f) {
        return "refused (exit code " + ErrorMapper.exitCode(f).code() + "): "
                + ControlChars.escape(ErrorMapper.message(f));
    }
}
