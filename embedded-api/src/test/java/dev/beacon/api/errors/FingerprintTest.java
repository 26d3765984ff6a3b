package dev.beacon.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grouping rule on real stack traces (test resources under traces/) and on messages. */
class FingerprintTest {
  /** A stack trace from the test resources, as a client would send it. */
  static String trace(String name) {
    try (InputStream in = FingerprintTest.class.getResourceAsStream("/traces/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test trace " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Fingerprint report(String type, String message, String stack) {
    ErrorEvent e = new ErrorEvent();
    e.source = ErrorEvent.REPORT;
    e.errorType = type;
    e.message = message;
    e.stack = stack;
    return Fingerprint.of(e, null);
  }

  static Fingerprint log(String context) {
    ErrorEvent e = new ErrorEvent();
    e.source = ErrorEvent.LOG;
    e.message = context;
    return Fingerprint.of(e, null);
  }

  @Test
  void javaTracesOfOneBugOnTwoVersionsAndJdksGroup() {
    Fingerprint old = report("java.lang.NullPointerException", "Cannot invoke \"String.length()\" because \"sku\" is null",
        trace("java/npe-cart-1.2.0-jdk17.txt"));
    Fingerprint next = report("java.lang.NullPointerException", "Cannot invoke \"String.length()\" because \"sku\" is null",
        trace("java/npe-cart-1.3.0-jdk21.txt"));
    assertEquals(old.hash(), next.hash(), "line numbers, lambda indices and addresses, $1/$2, proxies and app// differ");
    assertEquals("com.acme.shop.cart.CartService.lambda$priceOf$", old.culprit(), "the culprit skips java.* frames");
    assertEquals(old.culprit(), next.culprit());
    assertEquals("java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"sku\" is null", old.title());
    assertTrue(old.hash().matches("[0-9a-f]{64}"), old.hash());

    Fingerprint other = report("java.lang.NullPointerException", "Cannot invoke \"com.acme.shop.checkout.Card.token()\"",
        trace("java/npe-payment.txt"));
    assertNotEquals(old.hash(), other.hash(), "the same type thrown from other code is another bug");
    assertEquals("com.acme.shop.checkout.PaymentService.charge", other.culprit());
  }

  @Test
  void dotNetTracesOfOneBugOnTwoVersionsGroup() {
    // the seed's C# client sends ex.GetType().Name and ex.StackTrace
    Fingerprint old = report("NullReferenceException", "Object reference not set to an instance of an object.",
        trace("dotnet/nullref-sync-2.0.1.txt"));
    Fingerprint next = report("NullReferenceException", "Object reference not set to an instance of an object.",
        trace("dotnet/nullref-sync-2.1.0.txt"));
    assertEquals(old.hash(), next.hash(), "paths, lines, d__12/d__14, DisplayClass4_0/5_0, b__0_0/b__0_1 differ");
    assertEquals("Acme.Desktop.Sync.SyncClient.<PushAsync>d__.MoveNext", old.culprit());

    Fingerprint io = report("IOException", "The process cannot access the file 'C:\\Users\\bob\\settings.json'",
        trace("dotnet/io-save.txt"));
    assertNotEquals(old.hash(), io.hash());
    assertEquals("Acme.Desktop.Storage.LocalStore.Save", io.culprit(), "System.* frames are skipped");
  }

  @Test
  void pythonTracebacksFromTwoMachinesAndVersionsGroup() {
    Fingerprint linux = report("TypeError", "Settings.__init__() got an unexpected keyword argument 'proxy_port'",
        trace("python/typeerror-config-linux-3.1.0.txt"));
    Fingerprint windows = report("TypeError", "Settings.__init__() got an unexpected keyword argument 'retry_count'",
        trace("python/typeerror-config-windows-3.2.0.txt"));
    assertEquals(linux.hash(), windows.hash(), "install folders, separators, lines and ^^^ markers differ");
    assertEquals("config.py in <lambda>", linux.culprit(), "most recent call first, stdlib frames skipped");

    Fingerprint upload = report("ConnectionError", "HTTPConnectionPool(host='10.0.0.5', port=8470)",
        trace("python/connectionerror-upload.txt"));
    assertNotEquals(linux.hash(), upload.hash());
    assertEquals("upload.py in flush", upload.culprit(), "site-packages frames are not the culprit");
  }

  @Test
  void framesAreReadMostRecentFirstWithTheirOrigin() {
    List<Frame> python = StackParser.parse(trace("python/typeerror-config-linux-3.1.0.txt"));
    assertEquals(new Frame("config.py in <lambda>", true), python.get(0));
    assertEquals(new Frame("json/decoder.py in raw_decode", false), python.get(1));
    assertEquals(new Frame("main.py in <module>", true), python.get(python.size() - 1));
    assertEquals(7, python.size());

    List<Frame> java = StackParser.parse(trace("java/npe-payment.txt"));
    assertEquals(7, java.size(), "frames of every cause; '... 6 more' is no frame");
    assertEquals(new Frame("java.util.concurrent.CompletableFuture$AsyncSupply.run", false), java.get(2));
    assertEquals(new Frame("com.acme.shop.checkout.Wallet.card", true), java.get(6));

    List<Frame> dotnet = StackParser.parse(trace("dotnet/io-save.txt"));
    assertEquals(new Frame("System.IO.File.WriteAllText", false), dotnet.get(2));
    assertEquals(new Frame("Acme.Desktop.MainWindow.OnClosing", true), dotnet.get(4));

    assertEquals(List.of(new Frame("index.js", true), new Frame("Object.<anonymous>", true)),
        StackParser.parse("Error: boom\n    at /srv/app/index.js:10:15\n    at Object.<anonymous> (/srv/app/main.js:3:9)"),
        "other 'at' lines are kept without their numbers");
    assertEquals(List.of(), StackParser.parse("堆栈跟踪"), "the seed's sample stack has no frame");
  }

  @Test
  void generatedNamesAreNormalised() {
    assertEquals("com.acme.Foo$$Lambda.run", Normalize.symbol("com.acme.Foo$$Lambda$14/0x0000000800066840.run"));
    assertEquals("com.acme.Foo$$Lambda.run", Normalize.symbol("com.acme.Foo$$Lambda/0x00007f3c8c0a1b40.run"));
    assertEquals("com.sun.proxy.$Proxy.call", Normalize.symbol("com.sun.proxy.$Proxy12.call"));
    assertEquals("jdk.internal.reflect.GeneratedMethodAccessor.invoke", Normalize.symbol("jdk.internal.reflect.GeneratedMethodAccessor37.invoke"));
    assertEquals("com.acme.Repo$$EnhancerBySpringCGLIB.find", Normalize.symbol("com.acme.Repo$$EnhancerBySpringCGLIB$$8c1b5f3d.find"));
    assertEquals("com.acme.Repo$$SpringCGLIB.find", Normalize.symbol("com.acme.Repo$$SpringCGLIB$$0.find"));
    assertEquals("com.acme.Order$HibernateProxy.getId", Normalize.symbol("com.acme.Order$HibernateProxy$Ab12Cd34.getId"));
    assertEquals("com.acme.Main.lambda$main$", Normalize.symbol("java.base@17.0.2/com.acme.Main.lambda$main$0"));
    assertEquals("Acme.App.<>c__DisplayClass.<Run>b__", Normalize.symbol("Acme.App.<>c__DisplayClass12_3.<Run>b__7"));
    assertEquals("Acme.App.<Load>d__.MoveNext", Normalize.symbol("Acme.App.<Load>d__5.MoveNext"));
    assertEquals("lambda_method", Normalize.symbol("lambda_method37"));
  }

  @Test
  void withoutAStackTheTypeAndTheMessageWithoutNumbersDecide() {
    Fingerprint a = report("TimeoutError", "timed out after 30s connecting to 10.0.0.5:8443 (attempt 3)", "");
    Fingerprint b = report("TimeoutError", "timed out after 45s connecting to 10.0.0.7:8443 (attempt 12)", null);
    assertEquals(a.hash(), b.hash());
    assertNull(a.culprit());
    assertEquals("TimeoutError: timed out after 30s connecting to 10.0.0.5:8443 (attempt 3)", a.title());

    assertEquals(report("ValueError", "bad object <Foo object at 0x7f3a2b1c9d50>", "").hash(),
        report("ValueError", "bad object <Foo object at 0x55d0c1a2b3c4>", "").hash(), "memory addresses");
    assertEquals(report("KeyError", "user 3fa85f64-5717-4562-b3fc-2c963f66afa6 not found", "").hash(),
        report("KeyError", "user 9b2e4c1a-0d3f-4e5a-8b7c-6d5e4f3a2b1c not found", "").hash(), "ids");
    assertEquals(report("Crash", "checksum 9f86d081884c7d65 mismatch", "").hash(),
        report("Crash", "checksum 60303ae22b998861 mismatch", "").hash(), "long hex values");
    assertNotEquals(a.hash(), report("TimeoutError", "read timed out", "").hash(), "another message is another bug");
    assertNotEquals(a.hash(), report("ConnectTimeout", "timed out after 30s connecting to 10.0.0.5:8443 (attempt 3)", "").hash(),
        "another type is another bug");
    assertNotEquals(report("ValueError", "", "堆栈跟踪").hash(), report("KeyError", "", "堆栈跟踪").hash(),
        "a stack without frames falls back to type and message");
  }

  @Test
  void theTypeTakesPartEvenWithTheSameFrames() {
    String stack = trace("java/npe-cart-1.2.0-jdk17.txt");
    assertNotEquals(report("java.lang.NullPointerException", "", stack).hash(),
        report("java.lang.IllegalStateException", "", stack).hash());
  }

  @Test
  void aLogsContextGroupsLikeAReportOfTheSameError() {
    String stack = trace("java/npe-cart-1.2.0-jdk17.txt");
    Fingerprint fromLog = log(stack);
    assertEquals("java.lang.NullPointerException", fromLog.type(), "the type is the first line up to ':'");
    assertEquals(report("java.lang.NullPointerException", "whatever", stack).hash(), fromLog.hash(),
        "family B's context and family A's report of one crash land in one issue");
    assertEquals("java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"sku\" is null", fromLog.title());

    assertEquals("java.lang.OutOfMemoryError", log("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space").type());
    Fingerprint sentence = log("upload failed after 3 retries\nsee log");
    assertEquals("upload failed after 3 retries", sentence.type(), "a first line that is no type is kept whole");
    assertEquals(sentence.hash(), log("upload failed after 5 retries").hash(), "numbers in it still do not split issues");
    assertFalse(sentence.hash().equals(log("upload failed: disk full").hash()));
  }

  @Test
  void aTypeWithOrWithoutItsPackageOrNamespaceIsOneType() {
    String java = trace("java/npe-cart-1.2.0-jdk17.txt");
    assertEquals(report("java.lang.NullPointerException", "", java).hash(), report("NullPointerException", "", java).hash(),
        "Class.getName() and getSimpleName()");
    String dotnet = trace("dotnet/nullref-sync-2.0.1.txt");
    assertEquals(report("System.NullReferenceException", "", dotnet).hash(), report("NullReferenceException", "", dotnet).hash(),
        "the Sentry SDK's FullName and the telemetry API's C# client's GetType().Name");
    assertEquals(report("app.errors.ConfigError", "bad", "").hash(), report("ConfigError", "bad", "").hash(), "a traceback and __name__");
    assertNotEquals(report("app.errors.ConfigError", "", java).previous(), report("ConfigError", "", java).previous(),
        "the rules before took the type as reported");
    assertNotEquals(report("java.lang.IllegalStateException", "", java).hash(), report("IllegalArgumentException", "", java).hash());
  }

  @Test
  void aTypesNameIsWhatFollowsItsLastDotOrDoubleColon() {
    assertEquals("IllegalStateException", Fingerprint.typeName("java.lang.IllegalStateException"));
    assertEquals("Outer$Inner", Fingerprint.typeName("com.acme.Outer$Inner"));
    assertEquals("RecordNotFound", Fingerprint.typeName("ActiveRecord::RecordNotFound"));
    assertEquals("TypeError", Fingerprint.typeName("TypeError"));
    assertEquals("PathError", Fingerprint.typeName("*fs.PathError"));
    assertEquals("Failure`1[[System.Int32, System.Private.CoreLib]]",
        Fingerprint.typeName("Acme.Failure`1[[System.Int32, System.Private.CoreLib]]"), "not into generic arguments");
    assertEquals("disk full at /var/lib/beacon.db", Fingerprint.typeName("disk full at /var/lib/beacon.db"), "a sentence stays whole");
    assertEquals("odd.", Fingerprint.typeName("odd."));
    assertEquals("", Fingerprint.typeName(""));
  }

  @Test
  void aSentenceAsTypeKeepsItsWholeTextInTheFingerprint() {
    assertNotEquals(log("upload failed for a.db").hash(), log("upload failed for b.db").hash(),
        "only type names lose what comes before their last dot");
  }

  @Test
  void thePreviousRulesHashIsTheOneEarlierVersionsStored() {
    // computed with the code of the rules before (v1), which stored these as issue fingerprints:
    // upgraded databases are found by them, so they must not change
    String java = trace("java/npe-cart-1.2.0-jdk17.txt");
    assertEquals("4b102c316ab09ddcde2b166cab294ab15ce01012c15784f2b2732c4edc32ffb2",
        Fingerprint.ofReport("java.lang.NullPointerException", "Cannot invoke \"String.length()\" because \"sku\" is null", java).previous());
    assertEquals("9a7b68e64adc2257b0cd69ea21337c9735c58f5b2e648f0324f7bc4c53d95bcb",
        Fingerprint.compute("IllegalStateException", "x", StackParser.parse(java), List.of("{{ default }}", "tenant-a"), "t").previous());
    assertEquals("267b06dbaff3ec6068b4b325734b2d189ea2a7693c52b2884808282ec0c5caec",
        Fingerprint.ofReport("TimeoutError", "read timed out after 30s", "").previous());
  }
}
