package dev.contractkit.ncp.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Bad usage of any kind (an unknown command too) prints the error and the help, and exits 2; an exception exits 5. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create().setParameterExceptionHandler((error, args) -> {
            CommandLine command = error.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(error.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
            command.usage(err);
            return ApiCall.USAGE;
        }).setExecutionExceptionHandler((error, command, parseResult) -> ApiCall.unexpected(command.getErr(), error));
    }
}
