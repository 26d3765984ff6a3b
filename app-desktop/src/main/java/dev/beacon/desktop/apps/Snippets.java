package dev.beacon.desktop.apps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready-to-paste code for an app: a heartbeat, a version check and an error report against this
 * server's address and the app's key, in C#, Python, Java and curl (modelled on the seed's
 * examples and the README's "Integrate your software").
 */
public final class Snippets {
  private Snippets() {}

  /** The snippets by language, in tab order; {@code baseUrl} like {@code http://192.168.1.20:8470}. */
  public static Map<String, String> forApp(String baseUrl, String appKey) {
    String base = baseUrl == null ? "" : baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    String api = base + "/api/v1";
    Map<String, String> m = new LinkedHashMap<>();
    m.put("C#", CSHARP.replace("%API%", api).replace("%KEY%", appKey));
    m.put("Python", PYTHON.replace("%API%", api).replace("%KEY%", appKey));
    m.put("Java", JAVA.replace("%API%", api).replace("%KEY%", appKey));
    m.put("curl", CURL.replace("%BASE%", base).replace("%KEY%", appKey));
    return m;
  }

  /**
   * Setup of the official Sentry SDKs reporting to this Beacon, by language in tab order: each
   * sets {@code release} to the app's version and {@code user.id} to an id made once per install
   * and kept (so machines count right).
   */
  public static Map<String, String> sentry(String dsn) {
    String d = dsn == null ? "" : dsn;
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Java", SENTRY_JAVA.replace("%DSN%", d));
    m.put(".NET", SENTRY_DOTNET.replace("%DSN%", d));
    m.put("Python", SENTRY_PYTHON.replace("%DSN%", d));
    m.put("Electron/Node", SENTRY_NODE.replace("%DSN%", d));
    return m;
  }

  private static final String SENTRY_JAVA = """
      // Maven: io.sentry:sentry (Gradle: implementation("io.sentry:sentry:8.+"))
      import io.sentry.Sentry;
      import io.sentry.protocol.User;
      import java.nio.file.*;
      import java.util.UUID;

      public final class Crashes {
        public static void start(String appVersion) throws Exception {
          Sentry.init(options -> {
            options.setDsn("%DSN%");
            options.setRelease("my-app@" + appVersion);     // Beacon counts it as version appVersion
            options.setEnvironment("production");
          });
          User user = new User();
          user.setId(installId());                           // one machine in Beacon's counts
          Sentry.setUser(user);
        }

        // a random id made once per install and kept in the user's home
        static String installId() throws Exception {
          Path file = Path.of(System.getProperty("user.home"), ".my-app", "install-id");
          if (Files.exists(file)) return Files.readString(file).trim();
          String id = UUID.randomUUID().toString();
          Files.createDirectories(file.getParent());
          Files.writeString(file, id);
          return id;
        }
      }
      """;

  private static final String SENTRY_DOTNET = """
      // dotnet add package Sentry
      using System;
      using System.IO;
      using Sentry;

      public static class Crashes
      {
          public static IDisposable Start(string appVersion)
          {
              var sentry = SentrySdk.Init(o =>
              {
                  o.Dsn = "%DSN%";
                  o.Release = "my-app@" + appVersion;   // Beacon counts it as version appVersion
                  o.Environment = "production";
                  o.AutoSessionTracking = true;          // release health in Beacon
              });
              SentrySdk.ConfigureScope(s => s.User = new SentryUser { Id = InstallId() });
              return sentry;                             // dispose it at exit: it flushes
          }

          // a random id made once per install and kept in the user's app data
          static string InstallId()
          {
              var file = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "MyApp", "install-id");
              if (File.Exists(file)) return File.ReadAllText(file).Trim();
              Directory.CreateDirectory(Path.GetDirectoryName(file)!);
              var id = Guid.NewGuid().ToString();
              File.WriteAllText(file, id);
              return id;
          }
      }
      """;

  private static final String SENTRY_PYTHON = """
      # pip install sentry-sdk
      import pathlib
      import uuid

      import sentry_sdk


      def install_id():
          # a random id made once per install and kept in the user's home
          f = pathlib.Path.home() / ".my-app" / "install-id"
          if f.exists():
              return f.read_text().strip()
          f.parent.mkdir(parents=True, exist_ok=True)
          f.write_text(str(uuid.uuid4()))
          return f.read_text().strip()


      def start(app_version):
          sentry_sdk.init(
              dsn="%DSN%",
              release=f"my-app@{app_version}",  # Beacon counts it as version app_version
              environment="production",
          )
          sentry_sdk.set_user({"id": install_id()})
      """;

  private static final String SENTRY_NODE = """
      // Electron: npm install @sentry/electron  (main process; the renderer: init from '@sentry/electron/renderer')
      // Node:     npm install @sentry/node      (the same init, from '@sentry/node')
      const Sentry = require('@sentry/electron/main');
      const { app } = require('electron');
      const fs = require('fs');
      const path = require('path');
      const crypto = require('crypto');

      // a random id made once per install and kept in the app's user data
      function installId() {
        const file = path.join(app.getPath('userData'), 'install-id');
        if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
        const id = crypto.randomUUID();
        fs.writeFileSync(file, id);
        return id;
      }

      Sentry.init({
        dsn: '%DSN%',
        release: 'my-app@' + app.getVersion(),   // Beacon counts it as version app.getVersion()
        environment: 'production',
      });
      Sentry.setUser({ id: installId() });
      """;

  private static final String CSHARP = """
      using System;
      using System.Net.Http;
      using System.Net.Http.Json;
      using System.Threading.Tasks;

      public static class Beacon
      {
          private const string BaseUrl = "%API%";
          private const string AppKey = "%KEY%";
          private static readonly HttpClient Http = new HttpClient();

          // every 5-10 minutes: daily/weekly/monthly active machines
          public static Task Heartbeat(string machineId, string version) =>
              Http.PostAsJsonAsync($"{BaseUrl}/user/heartbeat",
                  new { app_key = AppKey, machine_id = machineId, version });

          // is there a newer version? (has_update, latest_version, download_url, force_update)
          public static async Task<string> CheckUpdate(string currentVersion)
          {
              var r = await Http.PostAsJsonAsync($"{BaseUrl}/version/check",
                  new { app_key = AppKey, current_version = currentVersion, platform = "windows" });
              return await r.Content.ReadAsStringAsync();
          }

          // an error or crash, with the whole stack
          public static Task ReportError(Exception ex, string machineId, string version) =>
              Http.PostAsJsonAsync($"{BaseUrl}/error/report", new {
                  app_key = AppKey, machine_id = machineId, software_version = version,
                  error_type = ex.GetType().Name, error_message = ex.Message,
                  error_stack = ex.ToString(), os_info = Environment.OSVersion.ToString() });
      }
      """;

  private static final String PYTHON = """
      import platform
      import traceback
      import uuid

      import requests

      BASE_URL = "%API%"
      APP_KEY = "%KEY%"


      def machine_id():
          return str(uuid.getnode())


      def heartbeat(version):
          # every 5-10 minutes: daily/weekly/monthly active machines
          requests.post(f"{BASE_URL}/user/heartbeat", timeout=10,
                        json={"app_key": APP_KEY, "machine_id": machine_id(), "version": version})


      def check_update(current_version):
          # {"has_update": ..., "latest_version": ..., "download_url": ..., "force_update": ...}
          r = requests.post(f"{BASE_URL}/version/check", timeout=10,
                            json={"app_key": APP_KEY, "current_version": current_version,
                                  "platform": platform.system().lower()})
          return r.json().get("data", {})


      def report_error(exc, version):
          requests.post(f"{BASE_URL}/error/report", timeout=10, json={
              "app_key": APP_KEY, "machine_id": machine_id(), "software_version": version,
              "error_type": type(exc).__name__, "error_message": str(exc),
              "error_stack": "".join(traceback.format_exception(exc)), "os_info": platform.platform()})
      """;

  private static final String JAVA = """
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public final class Beacon {
        private static final String BASE_URL = "%API%";
        private static final String APP_KEY = "%KEY%";
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        // every 5-10 minutes: daily/weekly/monthly active machines
        public static void heartbeat(String machineId, String version) throws Exception {
          post("/user/heartbeat", "{\\"app_key\\":\\"" + APP_KEY + "\\",\\"machine_id\\":\\"" + machineId
              + "\\",\\"version\\":\\"" + version + "\\"}");
        }

        // is there a newer version? the answer's data has has_update, latest_version, download_url
        public static String checkUpdate(String currentVersion) throws Exception {
          return post("/version/check", "{\\"app_key\\":\\"" + APP_KEY + "\\",\\"current_version\\":\\""
              + currentVersion + "\\",\\"platform\\":\\"windows\\"}");
        }

        // an error or crash: send the printStackTrace text (escape it with your JSON library)
        public static void reportError(String machineId, String version, String type, String message, String stack)
            throws Exception {
          post("/error/report", "{\\"app_key\\":\\"" + APP_KEY + "\\",\\"machine_id\\":\\"" + machineId
              + "\\",\\"software_version\\":\\"" + version + "\\",\\"error_type\\":\\"" + type
              + "\\",\\"error_message\\":\\"" + message + "\\",\\"error_stack\\":\\"" + stack
              + "\\",\\"os_info\\":\\"" + System.getProperty("os.name") + "\\"}");
        }

        private static String post(String path, String json) throws Exception {
          HttpRequest req = HttpRequest.newBuilder(URI.create(BASE_URL + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json)).build();
          return HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body();
        }
      }
      """;

  private static final String CURL = """
      BEACON=%BASE%
      KEY=%KEY%

      # a heartbeat every 5-10 minutes: feeds daily/weekly/monthly active machines
      curl -s -H 'Content-Type: application/json' -d '{"app_key":"'$KEY'","machine_id":"host-42","version":"1.0.0"}' $BEACON/api/v1/user/heartbeat

      # is there a newer version for this platform?
      curl -s -H 'Content-Type: application/json' -d '{"app_key":"'$KEY'","current_version":"1.0.0","platform":"windows"}' $BEACON/api/v1/version/check

      # an error or crash
      curl -s -H 'Content-Type: application/json' -d '{"app_key":"'$KEY'","machine_id":"host-42","software_version":"1.0.0","error_type":"NullReferenceException","error_message":"Object reference not set","error_stack":"at Foo.Bar()","os_info":"Windows 10 Pro"}' $BEACON/api/v1/error/report
      """;
}
