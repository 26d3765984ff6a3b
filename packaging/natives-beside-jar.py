#!/usr/bin/env python3
"""Moves the native libraries at the root of a jar (JavaFX's: WebKit, Glass, Prism, media) out of it,
into the jar's folder: JavaFX loads a library from the folder of the jar that holds its classes
first, so in the app image they are used in place instead of being extracted to ~/.openjfx/cache at
the first start (121 MB for WebKit alone), and an installer's compressor (xz for the .deb) packs
them tighter than the jar's deflate. With --stored, every entry is also stored uncompressed (for the
.deb, whose xz packs class files far tighter than deflate).

H2 keeps its resources in a zip inside the jar, org/h2/util/data.zip (689 KB, stored uncompressed,
in a jar entry that is stored too): its own resources (error messages, SQL help) become plain entries
of the jar, where H2 reads them when data.zip is absent (org.h2.util.Utils.loadResource), and the H2
web console's pages (org/h2/server/web/, 237 KB; Beacon never starts the console) are left out: the
image's jar is 0.5 MB smaller.
Usage: natives-beside-jar.py [--stored] JAR"""
import copy
import io
import os
import shutil
import sys
import zipfile

H2_DATA = "org/h2/util/data.zip"
H2_CONSOLE = "org/h2/server/web/"

stored = "--stored" in sys.argv[1:]
jar = [a for a in sys.argv[1:] if a != "--stored"][0]
folder = os.path.dirname(os.path.abspath(jar))
tmp = jar + ".tmp"
moved = 0
with zipfile.ZipFile(jar) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as dst:
    names = set(src.namelist())
    for info in src.infolist():
        if "/" not in info.filename and info.filename.endswith(".so"):
            with src.open(info) as i, open(os.path.join(folder, info.filename), "wb") as o:
                shutil.copyfileobj(i, o)
            moved += info.file_size
            continue
        data = src.read(info)
        if info.filename == H2_DATA:
            with zipfile.ZipFile(io.BytesIO(data)) as h2:
                for inner in h2.infolist():
                    name = inner.filename.lstrip("/")
                    if inner.is_dir() or name.startswith(H2_CONSOLE) or name in names:
                        continue
                    out = zipfile.ZipInfo(name, info.date_time)
                    out.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                    dst.writestr(out, h2.read(inner))
            continue
        # entries keep their order (the manifest first) and their own method unless all are stored
        out = copy.copy(info)
        if stored:
            out.compress_type = zipfile.ZIP_STORED
        dst.writestr(out, data)
os.replace(tmp, jar)
print(f"natives-beside-jar: {moved / 1e6:.0f} MB of native libraries moved beside {os.path.basename(jar)}"
      + (", its entries stored" if stored else ""))
