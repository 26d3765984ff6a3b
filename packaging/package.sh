#!/usr/bin/env bash
# Builds Beacon's installers with jpackage into packaging/target/:
#   Beacon/            an app image with its own trimmed runtime (jlink), JavaFX included;
#                      launchers bin/Beacon (the console; --headless for the server) and bin/beacon-server,
#                      with desktop-sized JVM options and class data sharing archives made from a training
#                      run: lib/app/beacon.jsa for the console, lib/app/beacon-server.jsa (the server's
#                      classes only) for bin/beacon-server (the .deb makes its own when installed)
#   beacon_<v>_<arch>.deb   on Linux, when dpkg-deb and fakeroot are present
#   (Windows: .msi/.exe, macOS: .dmg: see packaging/README.md)
#
# Usage: packaging/package.sh [--no-build] [--image-only]
#   --no-build    use the jars already in app-desktop/target (skip Maven)
#   --image-only  build the app image only, no installer
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"

build=1
installer=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --image-only) installer=0 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "package.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

for tool in jlink jpackage; do
  command -v "$tool" >/dev/null || { echo "package.sh: $tool not found: a full JDK 17+ is needed" >&2; exit 1; }
done
command -v python3 >/dev/null || { echo "package.sh: python3 not found (natives-beside-jar.py needs it)" >&2; exit 1; }

# the version comes from the parent pom (its first <version> is the project's)
version="$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$root/pom.xml" | sed -n 1p)"
app_version="${version%%-*}"   # jpackage wants numbers only (0.1.0-SNAPSHOT -> 0.1.0)

if ((build)); then
  echo "==> building the jars (mvn package)"
  (cd "$root" && mvn -q -B -DskipTests package)
fi
jar="$root/app-desktop/target/beacon.jar"
[[ -f "$jar" ]] || { echo "package.sh: $jar is missing; run without --no-build" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/input"
cp "$jar" "$out/input/beacon.jar"
# JavaFX's native libraries beside the jar, not inside it (see natives-beside-jar.py)
python3 "$here/natives-beside-jar.py" "$out/input/beacon.jar"

# The modules the console and server use (from `jdeps --print-module-deps` on beacon.jar), plus
# crypto, charsets and zip support that are loaded by name at run time. JavaFX stays on the class
# path inside beacon.jar (its jars carry their native libraries).
modules="java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,jdk.jfr,jdk.jsobject,jdk.net,\
jdk.unsupported,jdk.xml.dom,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.localedata"
# The console formats numbers, dates and the charts' month names in the user's locale: jdk.localedata
# keeps these 53 languages (each with all its regions and scripts; 22 MB of the modules' 78 MB hold
# every locale: 1.5 MB of the .deb). Another locale gets the root locale's (English) formats.
locales="en,de,fr,es,it,pt,nl,sv,da,nb,no,fi,is,pl,cs,sk,sl,hr,sr,bs,hu,ro,bg,el,ru,uk,be,lt,lv,et,\
tr,he,ar,fa,ur,hi,bn,ta,te,mr,th,vi,id,ms,fil,ja,zh,ko,ca,eu,gl,af,sw"

echo "==> trimmed runtime (jlink)"
jlink --add-modules "$modules" --include-locales="$locales" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$out/runtime"
# with --include-locales, jlink leaves out jdk.localedata's legal notices (CLDR's licence, the Thai
# dictionary's): they come back from the module's jmod
jmods="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")/jmods"
jmod extract --dir "$out/localedata-jmod" "$jmods/jdk.localedata.jmod"
mkdir -p "$out/runtime/legal/jdk.localedata"
cp "$out/localedata-jmod/legal/"* "$out/runtime/legal/jdk.localedata/"
rm -rf "$out/localedata-jmod"

# The native libraries keep the symbols they export and lose their symbol tables (the JDK's libjvm.so
# carries 4 MB of them, which only name functions in a crash log), as Debian's dh_strip and the
# JDK builds that ship their symbols separately do; needs strip (binutils), else they stay as they are
if command -v strip >/dev/null; then
  find "$out/runtime" "$out/input" -name '*.so' -exec strip --strip-unneeded {} +
else
  echo "==> strip (binutils) not found: the native libraries keep their symbol tables"
fi

# JVM options for a desktop app beside an IDE (the same for java -jar: see the README): a modest
# heap that starts at 96 MB and may shrink to 32 MB (the default initial heap, 1/64 of the RAM, made
# the idle server take 40-55 MB more; starting at 32 MB, the minimum, made the start collect more
# often and the idle server hold 9 MB more than starting at 96: 142-146 against 133-136 MB in A/B runs),
# which G1 gives back when idle (a periodic collection every 15 s without other GCs, and
# shrinking to keep at most 30% free), and the class data sharing archive made below (-Xshare:auto:
# without it, or when it does not match, the JVM starts as usual). The archive is mapped where it was
# made (ArchiveRelocationMode=0) instead of at a random address: relocating its 110 MB at every start
# took 0.25 s and made all of it private memory (the --version run: 133 MB resident, 75 MB without);
# the JVM still relocates it when that address is taken. cds-archive.sh dumps with the same heap.
# The JIT compiles a method after twice the calls it would by default (CompileThresholdScaling=2):
# on two cores its two compiler threads took 2 of the start's 5 CPU-seconds, on code that runs a few
# times at a start and never again; the server listened 0.2 s sooner, and code that stays hot is
# compiled all the same, a moment later. Every 5 s the JVM hands the C library's freed memory back
# to the system (TrimNativeHeapInterval, malloc_trim): the compilers' scratch memory peaks at about
# 22 MB during the start, and glibc kept all of it once freed (the idle server: 16 MB less).
# G1's periodic collection, once Beacon has idled 15 s, is a full one (-G1PeriodicGCInvokesConcurrent):
# it compacts the heap, which a concurrent cycle does not, so more of it goes back to the system
# after busy spells (bench/startup --busy 60: 180-182 MB a minute after, against 193-194 MB).
java_options=(-Dfile.encoding=UTF-8 -XX:InitialHeapSize=96m -XX:MinHeapSize=32m -Xmx512m -XX:+UseG1GC -XX:G1PeriodicGCInterval=15000
  -XX:-G1PeriodicGCInvokesConcurrent -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:CompileThresholdScaling=2 -XX:TrimNativeHeapInterval=5000
  '-XX:SharedArchiveFile=$APPDIR/beacon.jsa' -Xshare:auto
  -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
# TrimNativeHeapInterval is a product switch from Java 17.0.11 on, and an older JVM refuses to start
# with it: a runtime made from an older JDK goes without it
if ! "$out/runtime/bin/java" -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
  echo "==> this JDK has no -XX:TrimNativeHeapInterval (Java 17.0.11 or later): the launchers go without it"
  kept=()
  for o in "${java_options[@]}"; do [[ $o == -XX:TrimNativeHeapInterval=* ]] || kept+=("$o"); done
  java_options=("${kept[@]}")
fi
launcher_options=()
for o in "${java_options[@]}"; do launcher_options+=(--java-options "$o"); done

echo "==> app image (jpackage)"
jpackage --type app-image \
  --name Beacon \
  --app-version "$app_version" \
  --vendor "Beacon" \
  --description "Self-hosted console for people who ship desktop and mobile software" \
  --icon "$here/linux/beacon.png" \
  --input "$out/input" \
  --main-jar beacon.jar \
  --main-class dev.beacon.desktop.Launcher \
  --runtime-image "$out/runtime" \
  "${launcher_options[@]}" \
  --add-launcher beacon-server="$here/linux/beacon-server.properties" \
  --dest "$out"

# bin/beacon-server maps an archive of the server's classes only (cds-archive.sh): the shared archive
# also holds the console's JavaFX classes, and pages of those that lie among the server's were read in
# at every start (about 12 MB more resident memory for the server alone)
sed -i 's|/beacon\.jsa$|/beacon-server.jsa|' "$out/Beacon/lib/app/beacon-server.cfg"
grep -q '^java-options=-XX:SharedArchiveFile=\$APPDIR/beacon-server\.jsa$' "$out/Beacon/lib/app/beacon-server.cfg" \
  || { echo "package.sh: lib/app/beacon-server.cfg does not name beacon-server.jsa"; exit 1; }

if [[ "$(uname -s)" == Linux ]]; then
  # shell scripts instead of jpackage's launchers, which ask rpm and dpkg for their package at each start
  "$here/linux/script-launchers.sh" "$out/Beacon"
fi
"$here/cds-archive.sh" "$out/Beacon"

if ((installer)) && [[ "$(uname -s)" == Linux ]]; then
  if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
    echo "==> .deb (jpackage)"
    # the archive names the jar by its path, so the .deb carries the class list and its postinst
    # makes the archive where the jar is installed (its prerm removes it)
    rm -rf "$out/deb-image" && cp -a "$out/Beacon" "$out/deb-image" && rm -f "$out/deb-image/lib/app/"*.jsa
    # the .deb is compressed with xz, which packs class files and the JDK's modules far tighter than
    # their own deflate: in it the jar's entries are stored and the runtime's modules uncompressed
    # (a .deb of 74 MB instead of 116 MB, for 116 MB more once installed)
    python3 "$here/natives-beside-jar.py" --stored "$out/deb-image/lib/app/beacon.jar"
    jlink --add-modules "$modules" --include-locales="$locales" --strip-debug --no-man-pages --no-header-files \
      --compress=0 --output "$out/runtime-deb"
    cp "$out/runtime-deb/lib/modules" "$out/deb-image/lib/runtime/lib/modules"
    jpackage --type deb \
      --app-image "$out/deb-image" \
      --resource-dir "$here/linux/deb" \
      --name beacon \
      --app-version "$app_version" \
      --vendor "Beacon" \
      --description "Self-hosted console for people who ship desktop and mobile software" \
      --icon "$here/linux/beacon.png" \
      --linux-package-name beacon \
      --linux-app-category devel \
      --linux-menu-group "Development" \
      --linux-shortcut \
      --linux-package-deps "libgtk-3-0 | libgtk-3-0t64" \
      --install-dir /opt \
      --dest "$out"
    # jpackage has dpkg-deb compress with xz's default level (-6, an 8 MB window); packed again at -9
    # with -Sextreme (a 64 MB window, which spans WebKit and most of the jar) the .deb is 2.4 MB smaller,
    # for a few minutes more here (unpacking it on install takes 65 MB of memory). Files, modes and
    # scripts stay as jpackage made them; the owner is root, as in jpackage's .deb.
    echo "==> .deb: xz -9 -Sextreme (dpkg-deb)"
    deb="$(ls "$out"/*.deb)"
    fakeroot sh -c 'dpkg-deb -R "$1" "$2" && dpkg-deb --root-owner-group -Zxz -z9 -Sextreme --build "$2" "$1" >/dev/null' \
      _ "$deb" "$out/deb-tree"
  else
    echo "==> no .deb: install dpkg-dev (dpkg-deb) and fakeroot to build one"
  fi
fi

rm -rf "$out/input" "$out/runtime" "$out/runtime-deb" "$out/deb-image" "$out/deb-tree"
echo "==> done"
du -sh "$out/Beacon"
ls -la "$out"/*.deb 2>/dev/null || true
