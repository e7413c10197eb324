/*
 * hagfish miniature kernel -- the x86_64 low globals page.
 *
 * Debuggers find the kernel's version string and kmod list through this
 * page.  Here it is an ordinary page-aligned global in its own section,
 * __DATA,__lowGlo.  lgStext holds the address of _start (the entry point,
 * standing in for the start of kernel text).
 * Compiles to an empty object on other architectures.
 */
/* keeps the translation unit non-empty on the other architectures */
typedef int lowmem_vectors_x86_64_tu;

#if defined(__x86_64__)

#include <x86_64/lowglobals.h>
#include <kern/debug.h>
#include <kern/startup.h>
#include <mach/kmod.h>

extern int kdp_trans_off;
extern int kdp_read_io;
extern volatile int flag_kdp_trigger_reboot;
extern struct kdp_manual_pkt manual_pkt;

#define LG_ADDR(x)      ((uint64_t)(uintptr_t)(x))

lowglo lowGlo __attribute__((section("__DATA,__lowGlo"), aligned(4096))) = {
	.lgVerCode = "Catfish ",
	.lgZero = 0,
	.lgStext = LG_ADDR(&_start),
	.lgVersion = LG_ADDR(version),
	.lgKmodptr = LG_ADDR(&kmod),
	.lgTransOff = LG_ADDR(&kdp_trans_off),
	.lgReadIO = LG_ADDR(&kdp_read_io),
	.lgDevSlot1 = 0,
	.lgDevSlot2 = 0,
	.lgOSVersion = LG_ADDR(osversion),
	.lgRebootFlag = LG_ADDR(&flag_kdp_trigger_reboot),
	.lgManualPktAddr = LG_ADDR(&manual_pkt),
};

#endif /* __x86_64__ */
