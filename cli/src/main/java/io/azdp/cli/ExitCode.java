package io.azdp.cli;

/**
 * Process exit codes of {@code azdp}; the table in {@code docs/cli.md} and in {@code --help} is generated from here.
 */
public enum ExitCode {
    SUCCESS(0, "success (the operation succeeded; with --wait-for-job, the job completed)"),
    INTERNAL_ERROR(1, "internal error (a bug: please report it)"),
    USAGE(2, "usage or bad input (flags, files, ids); nothing was sent"),
    NOT_FOUND(3, "not found (resource group, vault, instance, job)"),
    AUTH_FAILED(4, "authentication or authorization failed (401/403, token endpoint errors)"),
    SERVICE_REJECTED(5, "the service rejected the request (other 4xx, e.g. BMSUserErrorInvalidInput)"),
    THROTTLED_OR_UNAVAILABLE(6, "throttled or service unavailable after retries (429/5xx, connection failures)"),
    OPERATION_FAILED(7, "the operation or the backup job failed or was canceled"),
    TIMEOUT(8, "timed out waiting"),
    PARTIAL_FAILURE(9, "bulk run finished with some items failed"),
    INTERRUPTED(130, "interrupted (Ctrl-C); prints how to resume"),
    TERMINATED(143, "terminated (SIGTERM, e.g. a cancelled CI job); prints how to resume");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Lines for picocli's {@code exitCodeList}: {@code "code:meaning"}. */
    public static String[] helpList() {
        ExitCode[] values = values();
        String[] list = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            list[i] = String.format("%3d:%s", values[i].code, values[i].meaning);
        }
        return list;
    }
}
