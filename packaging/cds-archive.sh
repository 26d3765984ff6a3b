#!/usr/bin/env bash
# Gives an app image built by package.sh its class data sharing archives, which the launchers map at
# start (-XX:SharedArchiveFile in their options): the classes are then read already parsed and
# verified, instead of from beacon.jar. A training run records which classes the launchers load: the
# server through smoke-test.sh (start, sign in, an app, a heartbeat, stop), and the console until it
# is signed in when there is a display (DISPLAY, or Xvfb, which this starts). Two archives:
#   lib/app/beacon.jsa         both runs' classes, for bin/Beacon (the console, or --headless);
#   lib/app/beacon-server.jsa  the server's run only, for bin/beacon-server: without the console's
#                              JavaFX classes among them, fewer of the archive's pages are read in.
# The class lists stay in the image (lib/app/*.classlist): the .deb's postinst makes the archives
# again where the jar is installed, since an archive names the jar by its path.
# Usage: packaging/cds-archive.sh IMAGE_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
image="$(cd "$1" && pwd)"
java="$image/lib/runtime/bin/java"
app="$image/lib/app"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> class data sharing: training run of the server"
if ! JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/server.classlist" "$here/smoke-test.sh" "$image/bin/beacon-server" \
    >"$work/server.log" 2>&1; then
  cat "$work/server.log"
  exit 1
fi

display="${DISPLAY:-}"
if [[ -z "$display" ]] && command -v Xvfb >/dev/null; then
  for n in $(seq 90 120); do
    if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then display=":$n"; break; fi
  done
  Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  sleep 2
fi
if [[ -n "$display" ]]; then
  echo "==> class data sharing: training run of the console (display $display)"
  DISPLAY="$display" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/console.classlist" \
    "$image/bin/Beacon" --port 0 --data "$work/console-data" >"$work/console.log" 2>&1 &
  console=$!
  pids+=("$console")
  for _ in $(seq 1 1800); do
    grep -q 'Beacon console: \(signed in\|the server did not start\)' "$work/console.log" && break
    kill -0 "$console" 2>/dev/null || break
    sleep 0.1
  done
  sleep 2 # the first screen's data
  kill -TERM "$console" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$console" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$console" 2>/dev/null || true
  grep -q 'Beacon console: signed in' "$work/console.log" \
    || { echo "cds-archive: the console's training run did not sign in:"; cat "$work/console.log"; exit 1; }
else
  echo "==> class data sharing: no display and no Xvfb: the console's own classes are left out of the archive"
  touch "$work/console.classlist"
fi

# the console's list: each line once, in the order first seen (a class before the lambdas that use it)
cat "$work/server.classlist" "$work/console.classlist" | grep -v '^#' | awk '!seen[$0]++' >"$app/beacon.classlist"
grep -v '^#' "$work/server.classlist" | awk '!seen[$0]++' >"$app/beacon-server.classlist"
# dumped with the launchers' heap (-Xmx512m, G1): an archive made under another heap size encodes its
# objects' references otherwise, and every start would first rewrite them
for name in beacon beacon-server; do
  echo "==> class data sharing: $name.jsa, $(grep -vc '^@' "$app/$name.classlist") classes"
  "$java" -Xmx512m -XX:+UseG1GC -Xshare:dump -XX:SharedClassListFile="$app/$name.classlist" -XX:SharedArchiveFile="$app/$name.jsa" \
    -cp "$app/beacon.jar" >"$work/dump-$name.log" 2>&1 || { tail -20 "$work/dump-$name.log"; exit 1; }
done

# the launchers use them: most classes now come from their archive
for run in "beacon-server beacon-server.jsa" "Beacon beacon.jsa" "Beacon beacon-server.jsa --headless"; do
  read -r launcher archive headless <<<"$run"
  rm -f "$work/load.log" "$work/cds.log"
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/load.log -Xlog:cds=info:file=$work/cds.log" \
    "$image/bin/$launcher" $headless --version >/dev/null 2>&1 || true
  shared=$(grep -c 'source: shared objects file' "$work/load.log" 2>/dev/null || echo 0)
  grep -q "Opened archive .*/lib/app/$archive" "$work/cds.log" 2>/dev/null \
    || { echo "cds-archive: bin/$launcher $headless does not map lib/app/$archive"; exit 1; }
  ((shared > 500)) || { echo "cds-archive: bin/$launcher $headless read $shared classes from lib/app/$archive"; exit 1; }
  echo "==> class data sharing: bin/$launcher $headless --version read $shared classes from lib/app/$archive ($(du -h "$app/$archive" | cut -f1))"
done
