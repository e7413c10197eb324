#!/usr/bin/env bash
# Runs the EXTERNAL reference tools (llvm-nm-19, llvm-otool-19, llvm-cxxfilt-19) over Mach-O files
# that nobody here wrote: the macOS native libraries shipped inside three Maven Central jars. It
# stores what the tools print as golden files in samples/expected/thirdparty/. The tests compare
# hagfish with these files and never run the tools; the binaries themselves are never committed.
#
#   expected/thirdparty/<id>.nm-n.txt      llvm-nm-19 -n (one file per slice of a universal file)
#   expected/thirdparty/<id>.otool-l.txt   llvm-otool-19 -l (-arch per slice)
#   expected/thirdparty/cxxfilt.tsv        mangled<TAB>llvm-cxxfilt-19 output, every distinct
#                                          Itanium-mangled symbol name of all the files above
#   expected/thirdparty/SOURCES.txt        Maven coordinates, path inside the jar, sha256 of
#                                          each jar and each extracted file
#   expected/thirdparty/TOOLS.txt          first version line of every tool used
#   expected/thirdparty/COMMANDS.md        every command this script ran, grouped by output file
#
# The ids are:
#   jna-darwin-x86-64          net.java.dev.jna:jna:5.19.1  com/sun/jna/darwin-x86-64/libjnidispatch.jnilib
#   jna-darwin-aarch64         net.java.dev.jna:jna:5.19.1  com/sun/jna/darwin-aarch64/libjnidispatch.jnilib
#   snappy-mac-x86_64          org.xerial.snappy:snappy-java:1.1.10.12  org/xerial/snappy/native/Mac/x86_64/libsnappyjava.dylib
#   snappy-mac-aarch64         org.xerial.snappy:snappy-java:1.1.10.12  org/xerial/snappy/native/Mac/aarch64/libsnappyjava.dylib
#   snappy-mac-x86             org.xerial.snappy:snappy-java:1.1.10.12  org/xerial/snappy/native/Mac/x86/libsnappyjava.jnilib (i386)
#   capstone-darwin-x86_64     com.github.zhkl0228:capstone:3.1.8  darwin/libcapstone.dylib, x86_64 slice
#   capstone-darwin-arm64      com.github.zhkl0228:capstone:3.1.8  darwin/libcapstone.dylib, arm64 slice
#
# Mangled names are the symbol names (llvm-nm-19 -a -j, every slice) that start with __Z (Darwin's
# extra underscore, demangled with llvm-cxxfilt-19 -_) or with _Z but not __Z (demangled without
# -_). The jars come from the local Maven repository, or Maven Central through `mvn`. Every tool
# runs with the current directory = the extraction directory and relative paths, so the outputs
# do not depend on where anything lives. Re-running gives identical files.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/expected/thirdparty"
export LC_ALL=C TZ=UTC
TOOLS=(llvm-nm-19 llvm-otool-19 llvm-objdump-19 llvm-cxxfilt-19 mvn unzip sha256sum)

missing=()
for t in "${TOOLS[@]}"; do
  command -v "$t" >/dev/null 2>&1 || missing+=("$t")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "make-expected-thirdparty.sh: missing ${missing[*]}; install the Debian packages llvm-19, maven and unzip" >&2
  exit 1
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
JARS="$WORK/jars"
X="$WORK/x"
mkdir -p "$JARS" "$X" "$WORK/out"
CMDLOG="$WORK/commands.tsv"    # output file <TAB> command, in the order they ran

log() {  # log OUTPUT-FILE COMMAND-TEXT
  printf '%s\t%s\n' "$1" "$2" >> "$CMDLOG"
}

# id | Maven coordinates | path inside the jar | slice (empty: thin file)
INPUTS=(
  "jna-darwin-x86-64|net.java.dev.jna:jna:5.19.1|com/sun/jna/darwin-x86-64/libjnidispatch.jnilib|"
  "jna-darwin-aarch64|net.java.dev.jna:jna:5.19.1|com/sun/jna/darwin-aarch64/libjnidispatch.jnilib|"
  "snappy-mac-x86_64|org.xerial.snappy:snappy-java:1.1.10.12|org/xerial/snappy/native/Mac/x86_64/libsnappyjava.dylib|"
  "snappy-mac-aarch64|org.xerial.snappy:snappy-java:1.1.10.12|org/xerial/snappy/native/Mac/aarch64/libsnappyjava.dylib|"
  "snappy-mac-x86|org.xerial.snappy:snappy-java:1.1.10.12|org/xerial/snappy/native/Mac/x86/libsnappyjava.jnilib|"
  "capstone-darwin-x86_64|com.github.zhkl0228:capstone:3.1.8|darwin/libcapstone.dylib|x86_64"
  "capstone-darwin-arm64|com.github.zhkl0228:capstone:3.1.8|darwin/libcapstone.dylib|arm64"
)

jar_of() {  # G:A:V -> file name of the jar
  local g a v
  IFS=: read -r g a v <<< "$1"
  echo "$a-$v.jar"
}

echo "make-expected-thirdparty.sh: fetching jars" >&2
declare -A FETCHED=()
for spec in "${INPUTS[@]}"; do
  IFS='|' read -r id gav path slice <<< "$spec"
  if [ -z "${FETCHED[$gav]:-}" ]; then
    log SOURCES.txt "mvn -B -q -Dstyle.color=never dependency:copy -Dartifact=$gav -DoutputDirectory=<tmp>/jars"
    if ! (cd "$WORK" && mvn -B -q -Dstyle.color=never dependency:copy "-Dartifact=$gav" \
          "-DoutputDirectory=$JARS") > "$WORK/mvn.log" 2>&1; then
      cat "$WORK/mvn.log" >&2
      exit 1
    fi
    FETCHED[$gav]=1
  fi
  jar="$(jar_of "$gav")"
  if [ ! -f "$X/$path" ]; then
    log SOURCES.txt "unzip -q -o <tmp>/jars/$jar $path -d <tmp>/x"
    unzip -q -o "$JARS/$jar" "$path" -d "$X"
  fi
done

echo "make-expected-thirdparty.sh: running llvm-nm-19 and llvm-otool-19" >&2
cd "$X"
: > "$WORK/names.txt"
{
  echo "# Inputs of samples/expected/thirdparty/ (see make-expected-thirdparty.sh)."
  echo "# id	maven coordinates	path inside the jar	slice	sha256 of the extracted file"
} > "$WORK/out/SOURCES.txt"
for spec in "${INPUTS[@]}"; do
  IFS='|' read -r id gav path slice <<< "$spec"
  nm_arch=() otool_arch=()
  if [ -n "$slice" ]; then
    nm_arch=("--arch=$slice")
    otool_arch=(-arch "$slice")
  fi
  nm_cmd=(llvm-nm-19 -n "${nm_arch[@]}" "$path")
  otool_cmd=(llvm-otool-19 -l "$path")
  if [ "${#otool_arch[@]}" -gt 0 ]; then
    # llvm-otool-19 ignores -arch and always prints the first slice; llvm-objdump-19 with the
    # options llvm-otool -l maps to prints the chosen slice in the same format.
    otool_cmd=(llvm-objdump-19 --macho --private-headers --non-verbose "--arch=$slice" "$path")
  fi
  names_cmd=(llvm-nm-19 -a -j "${nm_arch[@]}" "$path")
  log "$id.nm-n.txt" "${nm_cmd[*]}"
  "${nm_cmd[@]}" > "$WORK/out/$id.nm-n.txt"
  log "$id.otool-l.txt" "${otool_cmd[*]}"
  "${otool_cmd[@]}" > "$WORK/out/$id.otool-l.txt"
  log cxxfilt.tsv "${names_cmd[*]}   (names collected for cxxfilt.tsv)"
  "${names_cmd[@]}" >> "$WORK/names.txt"
  sum="$(sha256sum "$path" | cut -d' ' -f1)"
  printf '%s\t%s\t%s\t%s\t%s\n' "$id" "$gav" "$path" "${slice:-thin}" "$sum" >> "$WORK/out/SOURCES.txt"
done
{
  echo "#"
  echo "# jar	sha256 of the jar"
  for jar in $(cd "$JARS" && ls); do
    printf '%s\t%s\n' "$jar" "$(sha256sum "$JARS/$jar" | cut -d' ' -f1)"
  done
} >> "$WORK/out/SOURCES.txt"

echo "make-expected-thirdparty.sh: running llvm-cxxfilt-19" >&2
grep -E '^__Z' "$WORK/names.txt" | sort -u > "$WORK/darwin.txt" || true
grep -E '^_Z' "$WORK/names.txt" | sort -u > "$WORK/plain.txt" || true
log cxxfilt.tsv "llvm-cxxfilt-19 -_ < (the collected names that start with __Z, sorted, one per line)"
llvm-cxxfilt-19 -_ < "$WORK/darwin.txt" > "$WORK/darwin.out"
log cxxfilt.tsv "llvm-cxxfilt-19 < (the collected names that start with _Z but not __Z, sorted, one per line)"
llvm-cxxfilt-19 < "$WORK/plain.txt" > "$WORK/plain.out"
for kind in darwin plain; do
  if [ "$(wc -l < "$WORK/$kind.txt")" != "$(wc -l < "$WORK/$kind.out")" ]; then
    echo "make-expected-thirdparty.sh: llvm-cxxfilt-19 printed a different number of lines" >&2
    exit 1
  fi
done
log cxxfilt.tsv "paste (names) (llvm-cxxfilt-19 output), both sets, sorted by name"
{ paste "$WORK/darwin.txt" "$WORK/darwin.out"; paste "$WORK/plain.txt" "$WORK/plain.out"; } \
  | sort > "$WORK/out/cxxfilt.tsv"

log TOOLS.txt "<tool> --version | first line naming a version"
{
  for t in llvm-nm-19 llvm-otool-19 llvm-cxxfilt-19; do
    printf '%s: %s\n' "$t" "$("$t" --version | grep -m1 -i version | sed 's/^ *//')"
  done
  mvn_version="$(mvn -B --version 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g')"
  printf 'mvn: %s\n' "${mvn_version%%$'\n'*}"
  unzip_version="$(unzip -v)"
  printf 'unzip: %s\n' "${unzip_version%%$'\n'*}"
} > "$WORK/out/TOOLS.txt"

{
  echo "# Commands behind samples/expected/thirdparty/"
  echo
  echo "Written by \`samples/make-expected-thirdparty.sh\`; \`<tmp>\` is its scratch directory."
  echo "Every tool ran in \`<tmp>/x\`, where the jars were extracted, with \`LC_ALL=C TZ=UTC\`."
  awk -F'\t' '{ if (!($1 in seen)) { order[++n] = $1; seen[$1] = 1 } cmds[$1] = cmds[$1] "    " $2 "\n" }
    END { for (i = 1; i <= n; i++) printf "\n## %s\n\n%s", order[i], cmds[order[i]] }' "$CMDLOG"
} > "$WORK/out/COMMANDS.md"

mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.tsv "$OUT"/*.md
cp "$WORK"/out/* "$OUT"/
echo "make-expected-thirdparty.sh: wrote $(ls "$OUT" | wc -l) files, $(du -sk "$OUT" | cut -f1) KiB, to $OUT" >&2
