// Runs electron-updater's real update check (AppUpdater with the generic provider, its staging
// rules and version comparison) outside Electron: an app adapter stands in for Electron's app and
// Node's http stands in for Electron's net module. Prints one JSON line with the outcome.
// usage: node check.js FEED_URL CURRENT_VERSION USER_DATA_DIR
const http = require("http");
const { HttpExecutor } = require("builder-util-runtime");
const { AppUpdater } = require("electron-updater/out/AppUpdater");

class NodeHttpExecutor extends HttpExecutor {
  createRequest(options, callback) {
    return http.request(options, callback);
  }
}

class CheckOnlyUpdater extends AppUpdater {
  doDownloadUpdate() {
    throw new Error("this check does not download");
  }
  doInstall() {
    return false;
  }
  quitAndInstall() {}
}

async function main() {
  const [url, version, userData] = process.argv.slice(2);
  const app = {
    version,
    name: "beacon-check",
    isPackaged: true,
    appUpdateConfigPath: userData + "/app-update.yml",
    userDataPath: userData,
    baseCachePath: userData,
    whenReady: () => Promise.resolve(),
    quit() {},
    relaunch() {},
    onQuit() {},
  };
  const updater = new CheckOnlyUpdater(null, app);
  updater.logger = null;
  updater.httpExecutor = new NodeHttpExecutor();
  updater.autoDownload = false;
  updater.setFeedURL({ provider: "generic", url });
  const result = await updater.checkForUpdates();
  const info = result.updateInfo;
  console.log(JSON.stringify({
    available: result.isUpdateAvailable,
    version: info.version,
    files: info.files,
    stagingPercentage: info.stagingPercentage === undefined ? null : info.stagingPercentage,
  }));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.message ? e.message : e) }));
  process.exit(1);
});
