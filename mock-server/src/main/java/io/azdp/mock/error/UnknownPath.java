package io.azdp.mock.error;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The answer for a path no route serves, as ARM gives it. */
public final class UnknownPath {

    /** An ARM path under a provider: group 1 the namespace, group 2 its first resource type (when there is one). */
    public static final Pattern PROVIDER_TYPE = Pattern.compile(
            "(?i)^/subscriptions/[^/]+(?:/resourceGroups/[^/]+)?/providers/([^/]+)(?:/([^/]+))?");

    private UnknownPath() {
    }

    /** 404 for a path nothing serves: InvalidResourceType under a provider, NotFound elsewhere. */
    public static ArmException of(String path, String apiVersion) {
        Matcher m = PROVIDER_TYPE.matcher(path);
        if (m.find() && m.group(2) != null) {
            String type = path.substring(path.toLowerCase(Locale.ROOT).indexOf("/providers/") + 11);
            type = type.substring(type.indexOf('/') + 1);
            String[] segs = type.split("/");
            StringBuilder t = new StringBuilder();
            for (int i = 0; i < segs.length; i += 2) {
                t.append(t.length() == 0 ? "" : "/").append(segs[i]);
            }
            return new ArmException(404, "InvalidResourceType", "The resource type '" + t
                    + "' could not be found in the namespace '" + m.group(1) + "' for api version '"
                    + (apiVersion == null ? "" : apiVersion) + "'.");
        }
        return new ArmException(404, "NotFound", "The requested path '" + path + "' does not exist on azdp-mock."
                + " ARM calls start with /subscriptions/, the control plane with /_mock/, health with /q/health.");
    }
}
