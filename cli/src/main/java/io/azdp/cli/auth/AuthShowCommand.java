package io.azdp.cli.auth;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.ServiceOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code azdp auth show}: obtains a token and prints which credential gave it and as whom, never the token. */
@Command(name = "show", header = "Print the credential azdp chooses, its tenant, client and object id and the token's"
        + " expiry (never the token).",
        description = { "Runs the credential chain (or the one --auth names) and obtains a token, so it fails like any"
                + " command would when no credential works: exit 4, or 6 when the token endpoint cannot be reached." },
        footer = { "%nExamples:", "  azdp auth show", "  azdp auth show --auth azure-cli -o table",
                "  azdp auth show --auth managed-identity --client-id <user-assigned-client-id>" })
public class AuthShowCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() {
        CliContext context = service.start();
        var info = context.client().credentialInfo();
        service.output().print(context.out(), AuthView.of(info, context.subscriptionIdIfAny()));
        return 0;
    }
}
