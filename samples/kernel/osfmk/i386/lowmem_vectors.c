/*
 * hagfish miniature kernel -- the i386 low globals page (32-bit layout).
 * Compiles to an empty object on other architectures.
 */
/* keeps the translation unit non-empty on the other architectures */
typedef int lowmem_vectors_i386_tu;

#if defined(__i386__)

#include <i386/lowglobals.h>
#include <kern/debug.h>
#include <mach/kmod.h>

extern int kdp_trans_off;
extern int kdp_read_io;
extern volatile int flag_kdp_trigger_reboot;
extern struct kdp_manual_pkt manual_pkt;

#define LG_ADDR(x)      ((uint32_t)(uintptr_t)(x))

lowglo lowGlo __attribute__((section("__DATA,__lowGlo"), aligned(4096))) = {
	.lgVerCode = "Catfish ",
	.lgZero = 0,
	.lgVersion = LG_ADDR(version),
	.lgKmodptr = LG_ADDR(&kmod),
	.lgTransOff = LG_ADDR(&kdp_trans_off),
	.lgReadIO = LG_ADDR(&kdp_read_io),
	.lgOSVersion = LG_ADDR(osversion),
	.lgRebootFlag = LG_ADDR(&flag_kdp_trigger_reboot),
	.lgManualPktAddr = LG_ADDR(&manual_pkt),
};

#endif /* __i386__ */
