/*
 * hagfish miniature kernel -- x86_64 low memory globals ("Catfish ").
 *
 * Offsets are those of the x86_64 XNU lowGlo used by debuggers: version
 * string pointer at +0x30, kmod list pointer at +0x8f8, one page long.
 * Note: XNU 1699 kept two zero quadwords at +0x08/+0x10; later XNU (2050+)
 * turned the second one into lgStext.  We use the later form so that
 * lgStext sits at +0x10; every other offset is unchanged between the two.
 */
#ifndef _X86_64_LOWGLOBALS_H_
#define _X86_64_LOWGLOBALS_H_

#ifndef __x86_64__
#error "x86_64 only"
#endif

#include <stdint.h>

#pragma pack(8)
typedef struct lowglo {
	unsigned char   lgVerCode[8];           /* +0x000 "Catfish " */
	uint64_t        lgZero;                 /* +0x008 constant 0 */
	uint64_t        lgStext;                /* +0x010 start of kernel text */
	uint64_t        lgRsv018;               /* +0x018 */
	uint64_t        lgCHUDXNUfnStart;       /* +0x020 */
	uint64_t        lgRsv028;               /* +0x028 */
	uint64_t        lgVersion;              /* +0x030 -> version[] */
	uint64_t        lgRsv038[280];          /* +0x038 */
	uint64_t        lgKmodptr;              /* +0x8f8 -> kmod (the head variable) */
	uint64_t        lgTransOff;             /* +0x900 -> kdp_trans_off */
	uint64_t        lgReadIO;               /* +0x908 -> kdp_read_io */
	uint64_t        lgDevSlot1;             /* +0x910 */
	uint64_t        lgDevSlot2;             /* +0x918 */
	uint64_t        lgOSVersion;            /* +0x920 -> osversion[] */
	uint64_t        lgRebootFlag;           /* +0x928 -> flag_kdp_trigger_reboot */
	uint64_t        lgManualPktAddr;        /* +0x930 -> manual_pkt */
	uint64_t        lgRsv938[217];          /* +0x938 pad to one page */
} lowglo;
#pragma pack()

_Static_assert(__builtin_offsetof(lowglo, lgVerCode) == 0x000, "lgVerCode");
_Static_assert(__builtin_offsetof(lowglo, lgZero) == 0x008, "lgZero");
_Static_assert(__builtin_offsetof(lowglo, lgStext) == 0x010, "lgStext");
_Static_assert(__builtin_offsetof(lowglo, lgVersion) == 0x030, "lgVersion");
_Static_assert(__builtin_offsetof(lowglo, lgKmodptr) == 0x8f8, "lgKmodptr");
_Static_assert(__builtin_offsetof(lowglo, lgTransOff) == 0x900, "lgTransOff");
_Static_assert(__builtin_offsetof(lowglo, lgOSVersion) == 0x920, "lgOSVersion");
_Static_assert(__builtin_offsetof(lowglo, lgManualPktAddr) == 0x930, "lgManualPktAddr");
_Static_assert(sizeof(lowglo) == 0x1000, "lowglo is one page");

extern lowglo lowGlo;

#endif /* _X86_64_LOWGLOBALS_H_ */
