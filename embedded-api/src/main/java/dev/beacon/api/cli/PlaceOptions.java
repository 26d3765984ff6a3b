package dev.beacon.api.cli;

import dev.beacon.api.core.Config;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --data} and {@code --port}: where a Beacon server keeps its data and the port it listens
 * on. A picocli mixin shared by the server's command line and the console's, which starts a server
 * of its own. A command using it names {@link Defaults} as its default value provider, for the data
 * folder's default (the OS's, known only at run time).
 */
public final class PlaceOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  private Path data;
  private int port;

  @Option(names = "--data", paramLabel = "DIR", order = 2,
      description = "data folder: database, uploads, heartbeat log (default ${DEFAULT-VALUE})")
  void data(String dir) {
    if (dir.isBlank()) {
      throw CommandLines.refused(spec.commandLine(), "--data", dir, "--data needs a folder");
    }
    data = Paths.get(dir);
  }

  @Option(names = "--port", paramLabel = "P", order = 1, defaultValue = "" + Config.DEFAULT_PORT, converter = CommandLines.Whole.class,
      description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
  void port(int p) {
    if (p < 0 || p > 65535) {
      throw CommandLines.refused(spec.commandLine(), "--port", Integer.toString(p), "the port must be between 0 and 65535, got " + p);
    }
    port = p;
  }

  public Path data() {
    return data;
  }

  public int port() {
    return port;
  }

  /** The default of {@code --data}: the OS's per-user data folder ({@link Config#defaultDataDir()}). */
  public static final class Defaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
      return arg instanceof OptionSpec o && o.longestName().equals("--data") ? Config.defaultDataDir().toString() : null;
    }
  }
}
