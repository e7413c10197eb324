#!/bin/sh
# Compile check for the hagfish miniature kernel fixture.
# Compiles every source for x86_64 (DWARF 4), arm64 (DWARF 5) and i386,
# then links the x86_64 and arm64 objects the way the lead's build does.
# Output goes to a temporary directory outside the repository.
set -eu
cd "$(dirname "$0")"

OUT=${OUT:-$(mktemp -d /tmp/hagfish-kernel.XXXXXX)}
CC=${CC:-clang-19}
LD=${LD:-ld64.lld-19}
COMMON="-ffreestanding -nostdinc -fno-builtin -fno-stack-protector -fno-common -O1 -g -I include"
CXXEXTRA="-fno-exceptions -fno-rtti -nostdinc++"
WARN=${WARN:--Wall -Wextra -Werror}

SOURCES=$(find . -name '*.c' -o -name '*.cpp' | sed 's|^\./||' | sort)

compile() {   # arch target extra-flags
	arch=$1; target=$2; shift 2
	mkdir -p "$OUT/$arch"
	for src in $SOURCES; do
		obj="$OUT/$arch/$(echo "$src" | tr '/' '_' | sed 's/\.[^.]*$/.o/')"
		case "$src" in
		*.cpp) extra="$CXXEXTRA" ;;
		*) extra="" ;;
		esac
		# shellcheck disable=SC2086
		"$CC" -target "$target" $COMMON "$@" $extra $WARN -c "$src" -o "$obj"
	done
}

compile x86_64 x86_64-apple-macos10.7 -mno-red-zone -gdwarf-4
compile arm64 arm64-apple-macos13 -gdwarf-5
compile i386 i386-apple-macos10.6 -mno-red-zone

"$LD" -arch x86_64 -platform_version macos 10.7 10.7 -e __start -pagezero_size 0 \
	-no_fixup_chains -headerpad 0x400 -o "$OUT/kernel.x86_64" "$OUT"/x86_64/*.o
"$LD" -arch arm64 -platform_version macos 13.0 13.0 -e __start -pagezero_size 0 \
	-no_fixup_chains -headerpad 0x400 -o "$OUT/kernel.arm64" "$OUT"/arm64/*.o

# the globals the tests rely on must be in both linked symbol tables
NM=${NM:-llvm-nm-19}
REQUIRED="__start _allproc _kernproc _nprocs _proc_kernel_task _proc_launchd _proc_bash
_task_kernel _kernel_task _tasks _thread_panic _thread_panic_stack _cpu_data_master
_kmod _kmod_info_hfs _lowGlo _version _osrelease _ostype _osversion _version_major
_version_minor _PE_state _boot_args_store _msgbuf _msgbufp _smsg_bufc _debug_buf
_debug_buf_size _panicstr _kext_alloc _kext_alloc_init _kext_free _proc_iterate
_proc_find _thread_block _panic _Debugger _vm_fault _kmod_load_request
_kernel_bootstrap_thread __ZN6OSKext4loadEhhP7OSArray
__ZN6OSKext22loadKextWithIdentifierEPKchh __ZN6OSKext24lookupKextWithIdentifierEPKc
__ZTV6OSKext __ZN6OSKextC1EP8OSString __ZN6OSKextD0Ev _layout_holey _layout_packed
_layout_aligned64 _layout_bits _layout_flex _layout_union _layout_anon"
for img in "$OUT/kernel.x86_64" "$OUT/kernel.arm64"; do
	"$NM" --defined-only "$img" | awk '{print $3}' | sort -u > "$OUT/syms.txt"
	for sym in $REQUIRED; do
		grep -qx -- "$sym" "$OUT/syms.txt" || { echo "missing $sym in $img" >&2; exit 1; }
	done
done

echo "ok: $OUT/kernel.x86_64 $OUT/kernel.arm64 (objects in $OUT/{x86_64,arm64,i386})"
