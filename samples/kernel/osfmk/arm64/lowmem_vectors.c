/*
 * hagfish miniature kernel -- the arm64 low globals ("Kraken  ", layout
 * 3.3).  16 KiB aligned, in __DATA,__lowGlo.  lgStext holds the address of
 * _start.  Compiles to an empty object on other architectures.
 */
/* keeps the translation unit non-empty on the other architectures */
typedef int lowmem_vectors_arm64_tu;

#if defined(__arm64__)

#include <arm64/lowglobals.h>
#include <kern/debug.h>
#include <kern/startup.h>
#include <mach/kmod.h>
#include <mach/vm_param.h>

extern int kdp_trans_off;
extern volatile int flag_kdp_trigger_reboot;
extern struct kdp_manual_pkt manual_pkt;

/* stand-ins for the compressor globals the layout publishes */
void           *c_buffers;
uint64_t        c_buffers_size = 0x4000000;

#define LG_ADDR(x)      ((uint64_t)(uintptr_t)(x))

lowglo lowGlo __attribute__((section("__DATA,__lowGlo"), aligned(16384))) = {
	.lgVerCode = "Kraken  ",
	.lgZero = 0,
	.lgStext = LG_ADDR(&_start),
	.lgVersion = LG_ADDR(version),
	.lgOSVersion = LG_ADDR(osversion),
	.lgKmodptr = LG_ADDR(&kmod),
	.lgTransOff = LG_ADDR(&kdp_trans_off),
	.lgRebootFlag = LG_ADDR(&flag_kdp_trigger_reboot),
	.lgManualPktAddr = LG_ADDR(&manual_pkt),
	.lgAltDebugger = 0,
	.lgPmapMemQ = 0,
	.lgPmapMemPageOffset = 0x20,
	.lgPmapMemChainOffset = 0x0,
	.lgStaticAddr = 0,
	.lgStaticSize = 0,
	.lgLayoutMajorVersion = 3,
	.lgLayoutMagic = LOWGLO_LAYOUT_MAGIC,
	.lgPmapMemStartAddr = (uint64_t)-1,
	.lgPmapMemEndAddr = (uint64_t)-1,
	.lgPmapMemPagesize = 0x30,
	.lgPmapMemFromArrayMask = 0x80000000,
	.lgPmapMemFirstppnum = (uint64_t)-1,
	.lgPmapMemPackedShift = 6,
	.lgPmapMemPackedBaseAddr = 0xfffffe0000000000ULL,
	.lgLayoutMinorVersion = 3,
	.lgPageShift = PAGE_SHIFT,
	.lgVmFirstPhys = 0x0000000800000000ULL,
	.lgVmLastPhys = 0x0000000a00000000ULL,
	.lgPhysMapBase = 0xfffffe1000000000ULL,
	.lgPhysMapEnd = 0xfffffe1200000000ULL,
	.lgPmapIoRangePtr = (uint64_t)-1,
	.lgNumPmapIoRanges = (uint64_t)-1,
	.lgCompressorBufferAddr = LG_ADDR(&c_buffers),
	.lgCompressorSizeAddr = LG_ADDR(&c_buffers_size),
};

#endif /* __arm64__ */
