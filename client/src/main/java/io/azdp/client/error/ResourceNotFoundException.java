package io.azdp.client.error;

/** Raised when the resource (resource group, vault, instance, policy or job) does not exist (404). */
public class ResourceNotFoundException extends ArmException {
    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(ErrorResponse response) {
        super(response);
    }

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
