package io.azdp.cli.common;

/**
 * Process exit codes of {@code azdp}; {@code --help} lists them from here, and {@code CliDocsTest} checks that the
 * table in {@code docs/cli.md} says the same.
 */
public enum ExitCode {
    SUCCESS(0, "success (the operation succeeded; with --wait-for-job, the job completed)"),
    INTERNAL_ERROR(1, "internal error (a bug: please report it; run again with --debug)"),
    USAGE(2, "usage or bad input (flags, files, ids, pre-flight refusal); nothing was sent"),
    NOT_FOUND(3, "not found (resource group, vault, instance, job)"),
    AUTH_FAILED(4, "authentication or authorization failed (401/403, token endpoint errors, no credentials)"),
    SERVICE_REJECTED(5, "the service rejected the request (other 4xx, e.g. BMSUserErrorInvalidInput)"),
    THROTTLED_OR_UNAVAILABLE(6, "throttled or service unavailable after retries (429/5xx, connection failures)"),
    OPERATION_FAILED(7, "the operation or the backup job failed or was canceled (or, with --wait-for-job, "
            + "named no job to follow, or the service accepted the backup with polling URLs azdp cannot follow)"),
    TIMEOUT(8, "timed out waiting (the operation keeps running; the message says how to resume)"),
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
}
