package io.azdp.client.error;

/**
 * A list failed after its first page: the {@code nextLink} the service sent could not be followed (not a URL, not on
 * the endpoint, a loop), or reading a further page failed. The items of the pages before were delivered; the cause is
 * the underlying failure (null for a bad {@code nextLink}). A failure on the first page is raised as itself.
 */
public class ListPageException extends ArmException {
    private static final long serialVersionUID = 1L;

    private final int page;
    private final long itemsRead;

    public ListPageException(String message, int page, long itemsRead, Throwable cause) {
        super(message, cause instanceof ArmException a ? a.httpStatus() : 0,
                cause instanceof ArmException a ? a.cloudError().orElse(null) : null,
                cause instanceof ArmException a ? a.requestId() : null,
                cause instanceof ArmException a ? a.correlationId() : null,
                cause instanceof ArmException a ? a.clientRequestId() : null, cause);
        this.page = page;
        this.itemsRead = itemsRead;
    }

    /** The page that could not be read (2 or more). */
    public int page() {
        return page;
    }

    /** Items delivered from the pages before it. */
    public long itemsRead() {
        return itemsRead;
    }

    /** Whether the failure was transient (429, 5xx, connection): reading the list again may work. */
    public boolean transientFailure() {
        Throwable c = getCause();
        return c instanceof ThrottledException || c instanceof ServiceUnavailableException
                || c instanceof ArmException a && (a.httpStatus() == 429 || a.httpStatus() >= 500);
    }
}
