# Sourced by the bench scripts: the third-party inputs they measure on, fetched once and cached.

# find_vmlinux: sets VMLINUX to Debian's newest cached cloud-amd64 vmlinux under $CACHE, extracting
# it from the cached linux-image-*-cloud-amd64-dbg .deb when needed, or downloading that with
# apt-get download first. Messages name the sourcing script.
find_vmlinux() {
  local v deb pkg me
  me="$(basename "$0")"
  v=$(ls "$CACHE"/usr/lib/debug/boot/vmlinux-*-cloud-amd64 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$v" ]; then VMLINUX="$v"; return; fi
  deb=$(ls "$CACHE"/linux-image-*-cloud-amd64-dbg_*.deb 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$deb" ]; then
    pkg=$(apt-cache search 'linux-image.*cloud-amd64-dbg' | awk '{print $1}' \
      | grep -E '^linux-image-[0-9].*-cloud-amd64-dbg$' | sort -V | tail -1)
    [ -n "$pkg" ] || { echo "$me: apt knows no linux-image-*-cloud-amd64-dbg; run apt-get update" >&2; exit 1; }
    mkdir -p "$CACHE"
    echo "$me: downloading $pkg" >&2
    (cd "$CACHE" && apt-get download -q "$pkg" >&2)
    deb=$(ls "$CACHE"/"$pkg"_*.deb | tail -1)
  fi
  echo "$me: extracting vmlinux from $deb" >&2
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$CACHE" --wildcards './usr/lib/debug/boot/vmlinux-*'
  VMLINUX=$(ls "$CACHE"/usr/lib/debug/boot/vmlinux-* | sort -V | tail -1)
}

# capstone_dylib DIR: prints the path of capstone 3.1.8's universal libcapstone.dylib (x86_64 and
# arm64 Mach-O) in DIR, taken out of its Maven jar the first time.
capstone_dylib() {
  local dir=$1
  if [ ! -f "$dir/libcapstone.dylib" ]; then
    mvn -q -B dependency:copy -Dartifact=com.github.zhkl0228:capstone:3.1.8 -DoutputDirectory="$dir" >&2
    (cd "$dir" && unzip -o -q capstone-3.1.8.jar darwin/libcapstone.dylib && mv darwin/libcapstone.dylib libcapstone.dylib)
  fi
  echo "$dir/libcapstone.dylib"
}
