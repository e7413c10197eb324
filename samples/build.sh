#!/usr/bin/env bash
# Builds the sample kernel corpus from samples/kernel/ (our own miniature XNU):
#   kernels/x86_64-dwarf{2,4,5}/kernel + kernel.dSYM   x86_64, relocated to 0xffffff8000200000
#   kernels/x86_64-dwarf4-v2/kernel + kernel.dSYM      the second build: kernel/ with kernel-v2.patch
#                                                      applied (layout changes, kernel/README.md)
#   kernels/arm64-dwarf5/kernel + kernel.dSYM          arm64, relocated to 0xfffffe0007004000
#   kernels/fat/kernel + kernel.dSYM                   x86_64 (DWARF 4) + arm64 (DWARF 5)
#   kernels/i386/*.o                                   i386 objects (lld cannot link i386)
#   snapshots/x86_64-dwarf4.core                       MH_CORE at slide 0x1c00000 with LC_NOTEs
#   snapshots/x86_64-dwarf4-nonote.core                MH_CORE at slide 0x4600000, no LC_NOTE
#   snapshots/x86_64-dwarf4-slide4600000.raw           flat dump of the same memory as the line above
#   snapshots/x86_64-dwarf4.core.gz                    gzip copy of the first core
# then rewrites MANIFEST.md. The tools: clang-19, ld64.lld-19, dsymutil-19, llvm-lipo-19 (installed
# here when run as root and missing), and the Java tools of this module (KernelRelocator,
# SnapshotMaker), built with Maven.
#
# Objects are built under a fixed directory ($BUILD) and DWARF's comp_dir is fixed with
# -fdebug-compilation-dir, so that re-running gives identical bytes wherever the checkout is.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BUILD=/tmp/hagfish-samples-build
COMPDIR=/SourceCache/xnu/xnu-1699.24.23
X86_BASE=0xffffff8000200000
ARM64_BASE=0xfffffe0007004000
SLIDE1=0x1c00000
SLIDE2=0x4600000
LOWGLO=0xffffff8000002000

need_tools() {
  local missing=()
  for t in clang-19 ld64.lld-19 dsymutil-19 llvm-lipo-19; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang-19 lld-19 llvm-19
    else
      echo "build.sh: missing ${missing[*]}; install clang-19 lld-19 llvm-19" >&2
      exit 1
    fi
  fi
}

CFLAGS_COMMON=(-ffreestanding -nostdinc -fno-builtin -fno-stack-protector -fno-common -O1 -g
  "-fdebug-compilation-dir=$COMPDIR" -I include -Wall)
CXXFLAGS_EXTRA=(-fno-exceptions -fno-rtti -nostdinc++)

# The sources: kernel/, or $SRC when set (a patched copy of it).
sources() {
  (cd "${SRC:-$HERE/kernel}" && LC_ALL=C find bsd osfmk libkern pexpert -type f \( -name '*.c' -o -name '*.cpp' \) | LC_ALL=C sort)
}

# compile VARIANT TARGET [extra flags...]: objects into $BUILD/VARIANT/obj/<path>.o
compile() {
  local variant=$1 target=$2; shift 2
  local obj="$BUILD/$variant/obj"
  rm -rf "$BUILD/$variant"
  mkdir -p "$obj"
  (cd "${SRC:-$HERE/kernel}"
   while read -r src; do
     mkdir -p "$obj/$(dirname "$src")"
     local flags=("${CFLAGS_COMMON[@]}")
     [[ "$src" == *.cpp ]] && flags+=("${CXXFLAGS_EXTRA[@]}")
     [[ "$target" != arm64* ]] && flags+=(-mno-red-zone)
     clang-19 -target "$target" "${flags[@]}" "$@" -c "$src" -o "$obj/${src%.*}.o"
   done < <(sources))
}

objects() {
  (cd "$BUILD/$1/obj" && LC_ALL=C find . -name '*.o' | LC_ALL=C sort | sed "s#^\./#$BUILD/$1/obj/#")
}

# link VARIANT ARCH PLATFORM_VERSION BASE
link_kernel() {
  local variant=$1 arch=$2 ver=$3 base=$4
  local out="$HERE/kernels/$variant"
  mkdir -p "$out"
  rm -rf "$out/kernel" "$out/kernel.dSYM"
  mapfile -t objs < <(objects "$variant")
  ld64.lld-19 -arch "$arch" -platform_version macos "$ver" "$ver" -e __start -pagezero_size 0 \
    -no_fixup_chains -headerpad 0x400 -o "$BUILD/$variant/kernel.unslid" "${objs[@]}"
  java -cp "$CP" dev.hagfish.samples.KernelRelocator "$BUILD/$variant/kernel.unslid" "$out/kernel" "$base"
  # dsymutil after the move, with the objects still in place (the N_OSO debug map points at them).
  dsymutil-19 "$out/kernel" -o "$out/kernel.dSYM"
  # dsymutil 19 also writes Resources/Relocations/*.yml, which records the absolute path of the
  # kernel (so it differs per checkout) and is not part of a classic dSYM: drop it.
  rm -rf "$out/kernel.dSYM/Contents/Resources/Relocations"
}

need_tools
echo "build.sh: building the Java tools" >&2
(cd "$ROOT" && mvn -q -B -DskipTests package -pl samples -am)
CP="$HERE/target/classes:$ROOT/analyzer/target/classes"

echo "build.sh: x86_64 DWARF 2/4/5" >&2
compile x86_64-dwarf2 x86_64-apple-macos10.7 -gdwarf-2
compile x86_64-dwarf4 x86_64-apple-macos10.7 -gdwarf-4
compile x86_64-dwarf5 x86_64-apple-macos10.7 -gdwarf-5
for v in 2 4 5; do link_kernel "x86_64-dwarf$v" x86_64 10.7 "$X86_BASE"; done

echo "build.sh: x86_64 DWARF 4, layout version 2 (kernel-v2.patch)" >&2
# A copy of kernel/ with the patch applied, compiled with the same relative paths and comp_dir, so
# that the two builds differ only where the patch does (and kernel/ itself, whose bytes the other
# variants' DWARF 5 line tables checksum, stays as it is).
V2SRC="$BUILD/kernel-v2-src"
rm -rf "$V2SRC" && cp -r "$HERE/kernel" "$V2SRC"
patch -s -d "$V2SRC" -p1 < "$HERE/kernel-v2.patch"
SRC="$V2SRC" compile x86_64-dwarf4-v2 x86_64-apple-macos10.7 -gdwarf-4
link_kernel x86_64-dwarf4-v2 x86_64 10.7 "$X86_BASE"

echo "build.sh: arm64 DWARF 5" >&2
compile arm64-dwarf5 arm64-apple-macos13 -gdwarf-5
link_kernel arm64-dwarf5 arm64 13.0 "$ARM64_BASE"

echo "build.sh: fat x86_64 + arm64" >&2
FAT="$HERE/kernels/fat"
rm -rf "$FAT" && mkdir -p "$FAT/kernel.dSYM/Contents/Resources/DWARF"
llvm-lipo-19 -create "$HERE/kernels/x86_64-dwarf4/kernel" "$HERE/kernels/arm64-dwarf5/kernel" -output "$FAT/kernel"
llvm-lipo-19 -create "$HERE/kernels/x86_64-dwarf4/kernel.dSYM/Contents/Resources/DWARF/kernel" \
  "$HERE/kernels/arm64-dwarf5/kernel.dSYM/Contents/Resources/DWARF/kernel" \
  -output "$FAT/kernel.dSYM/Contents/Resources/DWARF/kernel"
cp "$HERE/kernels/x86_64-dwarf4/kernel.dSYM/Contents/Info.plist" "$FAT/kernel.dSYM/Contents/Info.plist"

echo "build.sh: i386 objects" >&2
compile i386 i386-apple-macos10.6
rm -rf "$HERE/kernels/i386" && mkdir -p "$HERE/kernels/i386"
for o in bsd/kern/kern_proc osfmk/kern/kext_alloc osfmk/kern/layouts libkern/c++/OSKext; do
  cp "$BUILD/i386/obj/$o.o" "$HERE/kernels/i386/$(basename "$o").o"
done

echo "build.sh: snapshots" >&2
SNAP="$HERE/snapshots"
K4="$HERE/kernels/x86_64-dwarf4/kernel"
mkdir -p "$SNAP"
# The LC_THREAD is the panicked thread (thread_panic): rip, rbp and rsp as its machine.ss holds them
# (struct thread: machine at +0x80; x86_saved_state64: rbp +0x60, rip +0x98, rsp +0xb0).
REGS=(--reg rip=@_thread_panic+0x118 --reg rbp=@_thread_panic+0xe0 --reg rsp=@_thread_panic+0x130)
java -cp "$CP" dev.hagfish.samples.SnapshotMaker --kernel "$K4" --slide "$SLIDE1" \
  --core "$SNAP/x86_64-dwarf4.core" --lowglo "__DATA,__lowGlo@$LOWGLO" "${REGS[@]}"
java -cp "$CP" dev.hagfish.samples.SnapshotMaker --kernel "$K4" --slide "$SLIDE2" --no-notes \
  --core "$SNAP/x86_64-dwarf4-nonote.core" --lowglo "__DATA,__lowGlo@$LOWGLO" "${REGS[@]}" \
  --raw "$SNAP/x86_64-dwarf4-slide4600000.raw" > "$SNAP/raw-base.txt"
gzip -9 -n -c "$SNAP/x86_64-dwarf4.core" > "$SNAP/x86_64-dwarf4.core.gz"

"$HERE/make-manifest.sh"
echo "build.sh: done" >&2
