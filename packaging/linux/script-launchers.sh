#!/usr/bin/env bash
# Replaces an app image's Linux launchers (bin/NAME, jpackage's native programs) by shell scripts that
# start the same JVM with the same options, main class and class path, read from lib/app/NAME.cfg.
# jpackage's Linux launcher asks the package managers which package owns it at every start (`rpm -qf`,
# then `dpkg -S`, which reads the file list of every installed package, and from a .deb `dpkg -L`):
# 0.3-0.5 s before the JVM even starts, on a machine with few packages. The scripts start the JVM at
# once; `exec` leaves one process, so signals (Ctrl-C, SIGTERM) reach the JVM as before.
# Usage: packaging/linux/script-launchers.sh IMAGE_DIR
set -euo pipefail
image="$(cd "$1" && pwd)"
made=0
for cfg in "$image"/lib/app/*.cfg; do
  name="$(basename "$cfg" .cfg)"
  launcher="$image/bin/$name"
  [[ -f "$launcher" ]] || continue
  mainclass=""
  classpath=""
  options=()
  while IFS= read -r line; do
    case "$line" in
      app.mainclass=*) mainclass="${line#app.mainclass=}" ;;
      app.classpath=*) classpath="${line#app.classpath=}" ;;
      java-options=*) options+=("${line#java-options=}") ;;
      arguments=*) echo "script-launchers: $cfg has default arguments, which this does not carry over" >&2; exit 1 ;;
    esac
  done <"$cfg"
  [[ -n "$mainclass" && -n "$classpath" ]] || { echo "script-launchers: no main class or class path in $cfg" >&2; exit 1; }
  # the console's launcher with --headless anywhere on its command line runs the server alone (as
  # dev.beacon.desktop.Launcher reads it): then it maps the server's own archive, as beacon-server does
  headless_archive=0
  if [[ "$mainclass" == dev.beacon.desktop.Launcher ]]; then
    for i in "${!options[@]}"; do
      if [[ "${options[$i]}" == '-XX:SharedArchiveFile=$APPDIR/beacon.jsa' ]]; then
        options[$i]='-XX:SharedArchiveFile=$APPDIR/$ARCHIVE'
        headless_archive=1
      fi
    done
  fi
  {
    echo '#!/bin/sh'
    echo "# Beacon's $name launcher, made by packaging/linux/script-launchers.sh from lib/app/$name.cfg."
    echo 'APPDIR="$(cd "$(dirname "$(readlink -f "$0")")/../lib/app" && pwd)"'
    if ((headless_archive)); then
      echo '# --headless: the server alone, with the archive of its own classes'
      echo 'ARCHIVE=beacon.jsa'
      echo 'for a in "$@"; do [ "$a" = --headless ] && ARCHIVE=beacon-server.jsa; done'
    fi
    if [[ "$mainclass" == dev.beacon.desktop.Launcher ]]; then
      echo '# no GPU (no render node): the console draws with JavaFX'"'"'s software renderer (dev.beacon.desktop.Rendering),'
      echo '# and GTK need not load OpenGL, which would be Mesa'"'"'s emulation and LLVM (45 MB resident) for nothing'
      echo 'ls /dev/dri/renderD* >/dev/null 2>&1 || export GDK_GL="${GDK_GL:-disable}"'
    fi
    printf 'exec "$APPDIR/../runtime/bin/java"'
    for o in "${options[@]}" -cp "$classpath" "$mainclass"; do
      [[ "$o" != *'"'* && "$o" != *'\'* && "$o" != *'`'* ]] || { echo "script-launchers: cannot quote $o" >&2; exit 1; }
      printf ' "%s"' "$o"
    done
    printf ' "$@"\n'
  } >"$launcher.tmp"
  chmod 755 "$launcher.tmp"
  mv "$launcher.tmp" "$launcher"
  made=$((made + 1))
done
((made > 0)) || { echo "script-launchers: no launcher found in $image" >&2; exit 1; }
echo "==> launchers: $made shell scripts instead of jpackage's native launchers"
