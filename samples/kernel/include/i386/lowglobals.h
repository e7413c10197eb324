/*
 * hagfish miniature kernel -- i386 low memory globals ("Catfish ").
 * The 32-bit layout: version pointer at +0x1c, kmod pointer at +0x480.
 * There is no lgStext in the 32-bit layout.
 */
#ifndef _I386_LOWGLOBALS_H_
#define _I386_LOWGLOBALS_H_

#ifndef __i386__
#error "i386 only"
#endif

#include <stdint.h>

#pragma pack(4)
typedef struct lowglo {
	unsigned char           lgVerCode[8];   /* +0x000 "Catfish " */
	unsigned long long      lgZero;         /* +0x008 constant 0 */
	uint32_t        lgRsv010;               /* +0x010 */
	uint32_t        lgCHUDXNUfnStart;       /* +0x014 */
	uint32_t        lgRsv018;               /* +0x018 */
	uint32_t        lgVersion;              /* +0x01c -> version[] */
	uint32_t        lgRsv020[280];          /* +0x020 */
	uint32_t        lgKmodptr;              /* +0x480 -> kmod */
	uint32_t        lgTransOff;             /* +0x484 -> kdp_trans_off */
	uint32_t        lgReadIO;               /* +0x488 -> kdp_read_io */
	uint32_t        lgDevSlot1;             /* +0x48c */
	uint32_t        lgDevSlot2;             /* +0x490 */
	uint32_t        lgOSVersion;            /* +0x494 -> osversion[] */
	uint32_t        lgRebootFlag;           /* +0x498 */
	uint32_t        lgManualPktAddr;        /* +0x49c */
	uint32_t        lgRsv49C[728];          /* +0x4a0 pad to one page */
} lowglo;
#pragma pack()

_Static_assert(__builtin_offsetof(lowglo, lgVersion) == 0x01c, "lgVersion");
_Static_assert(__builtin_offsetof(lowglo, lgKmodptr) == 0x480, "lgKmodptr");
_Static_assert(__builtin_offsetof(lowglo, lgOSVersion) == 0x494, "lgOSVersion");
_Static_assert(sizeof(lowglo) == 0x1000, "lowglo is one page");

extern lowglo lowGlo;

#endif /* _I386_LOWGLOBALS_H_ */
