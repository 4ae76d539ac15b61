package io.azdp.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IVersionProvider;

/** {@code azdp --version}. */
public class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class)
                .orElse("unknown");
        return new String[] { "azdp " + version, "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")" };
    }
}
