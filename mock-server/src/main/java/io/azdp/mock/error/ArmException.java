package io.azdp.mock.error;

import io.azdp.model.ErrorAdditionalInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the emulator answers with an ARM CloudError body. Thrown by resources and filters; mapped by
 * {@link ArmExceptionMapper}. The message is what the caller sees, so it never contains secrets.
 */
public class ArmException extends RuntimeException {

    private final int status;
    private final String code;
    private final String target;
    private final List<ErrorAdditionalInfo> additionalInfo;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ArmException(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    public ArmException(int status, String code, String message, String target,
            List<ErrorAdditionalInfo> additionalInfo) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.target = target;
        this.additionalInfo = additionalInfo;
    }

    public ArmException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String target() {
        return target;
    }

    /** ErrorAdditionalInfo entries (or null). */
    public List<ErrorAdditionalInfo> additionalInfo() {
        return additionalInfo;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ArmException badRequest(String code, String message) {
        return new ArmException(400, code, message);
    }

    public static ArmException notFound(String code, String message) {
        return new ArmException(404, code, message);
    }
}
