package dev.beacon.api.cli;

import dev.beacon.api.core.Version;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What Beacon's two launchers (the server's and the console's) do alike with a picocli command:
 * {@code --help} and {@code --version} print and stop, a refused command line says why, naming the
 * flag, and exits {@value #USAGE}; numbers and sizes are read the same way.
 */
public final class CommandLines {
  /** The exit code of a refused command line. */
  public static final int USAGE = CommandLine.ExitCode.USAGE;

  private CommandLines() {}

  /** A command line that cannot be used: the message says why and names the flag; {@link #usage()} is the command's help. */
  public static final class Refused extends IllegalArgumentException {
    private final String option;
    private final String usage;

    Refused(String message, String option, String usage) {
      super(message);
      this.option = option;
      this.usage = usage;
    }

    /** The flag at fault, or {@code null} when the message cannot name one. */
    public String option() {
      return option;
    }

    public String usage() {
      return usage;
    }

    /** The message as a launcher prints it: prefixed with the flag when the message itself does not name it. */
    public String explain() {
      return option == null || getMessage().contains(option) ? getMessage() : option + ": " + getMessage();
    }
  }

  /**
   * Reads {@code args} into {@code command} (a picocli {@code @Command} object). Returns the parse
   * result, or {@code null} when the arguments asked for {@code --help} or {@code --version}, which
   * are then printed on {@code out}.
   *
   * @throws Refused when the arguments cannot be used
   */
  public static ParseResult read(Object command, String[] args, PrintWriter out) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(out);
    try {
      ParseResult result = cl.parseArgs(args);
      if (CommandLine.executeHelpRequest(result) != null) {
        out.flush();
        return null;
      }
      return result;
    } catch (ParameterException e) {
      throw new Refused(message(e), option(e), cl.getUsageMessage());
    }
  }

  /**
   * A launcher's reading of its command line: the parse result to go on with, or {@code null}
   * after printing help or the version (exit 0) or the refusal and usage on {@code err} (then
   * {@code exit} has been called with {@value #USAGE}).
   */
  public static ParseResult readOrExit(Object command, String[] args, PrintWriter out, PrintWriter err, java.util.function.IntConsumer exit) {
    try {
      return read(command, args, out);
    } catch (Refused e) {
      err.println("beacon: " + e.explain());
      err.print(e.usage());
      err.flush();
      exit.accept(USAGE);
      return null;
    }
  }

  /** A refusal raised while applying an option's value (e.g. out of range), naming the option. */
  public static ParameterException refused(CommandLine cl, String option, String value, String message) {
    return new ParameterException(cl, message, cl.getCommandSpec().findOption(option), value);
  }

  private static String message(ParameterException e) {
    String option = option(e);
    if (e instanceof MissingParameterException && option != null) {
      return option + " needs a value";
    }
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      return "unknown option " + u.getUnmatched().get(0);
    }
    if (e.getCause() instanceof TypeConversionException t && option != null) {
      return option + " needs " + t.getMessage() + ", got '" + e.getValue() + "'";
    }
    return e.getMessage();
  }

  private static String option(ParameterException e) {
    ArgSpec spec = e.getArgSpec();
    if (spec instanceof OptionSpec o) {
      return o.longestName();
    }
    if (e instanceof MissingParameterException m && !m.getMissing().isEmpty() && m.getMissing().get(0) instanceof OptionSpec o) {
      return o.longestName();
    }
    return null;
  }

  /** {@code --version}: "Beacon" and the build's version. */
  public static final class BeaconVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Beacon " + Version.get()};
    }
  }

  /** A whole number ({@code int}). */
  public static final class Whole implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("a number");
      }
    }
  }

  /** A decimal number ({@code double}). */
  public static final class Decimal implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("a number");
      }
    }
  }

  /** A size in bytes written as digits with an optional K, M or G (binary units, an optional {@code B} or {@code iB}), e.g. 500M. */
  public static final class Size implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([kKmMgG]?)(?:i?[bB])?");

    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.trim());
      int shift = !m.matches() ? -1 : switch (m.group(2).toUpperCase(Locale.ROOT)) {
        case "K" -> 10;
        case "M" -> 20;
        case "G" -> 30;
        default -> 0;
      };
      long n = shift < 0 ? 0 : Long.parseLong(m.group(1));
      if (n < 1 || n > Long.MAX_VALUE >> shift) {
        throw new TypeConversionException("a size like 2147483648, 500M or 2G");
      }
      return n << shift;
    }
  }
}
