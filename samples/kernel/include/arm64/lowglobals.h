/*
 * hagfish miniature kernel -- arm64 low globals ("Kraken  "), layout 3.3.
 * Same member order and offsets as the arm64 lowGlo of recent XNU.
 */
#ifndef _ARM64_LOWGLOBALS_H_
#define _ARM64_LOWGLOBALS_H_

#ifndef __arm64__
#error "arm64 only"
#endif

#include <stdint.h>

#define LOWGLO_LAYOUT_MAGIC     0xC0DEC0DE

#pragma pack(8)
typedef struct lowglo {
	unsigned char   lgVerCode[8];           /* +0x000 "Kraken  " */
	uint64_t        lgZero;                 /* +0x008 */
	uint64_t        lgStext;                /* +0x010 start of kernel text */
	uint64_t        lgVersion;              /* +0x018 -> version[] */
	uint64_t        lgOSVersion;            /* +0x020 -> osversion[] */
	uint64_t        lgKmodptr;              /* +0x028 -> kmod */
	uint64_t        lgTransOff;             /* +0x030 */
	uint64_t        lgRebootFlag;           /* +0x038 */
	uint64_t        lgManualPktAddr;        /* +0x040 */
	uint64_t        lgAltDebugger;          /* +0x048 */
	uint64_t        lgPmapMemQ;             /* +0x050 */
	uint64_t        lgPmapMemPageOffset;    /* +0x058 */
	uint64_t        lgPmapMemChainOffset;   /* +0x060 */
	uint64_t        lgStaticAddr;           /* +0x068 */
	uint64_t        lgStaticSize;           /* +0x070 */
	uint64_t        lgLayoutMajorVersion;   /* +0x078 */
	uint64_t        lgLayoutMagic;          /* +0x080 */
	uint64_t        lgPmapMemStartAddr;     /* +0x088 */
	uint64_t        lgPmapMemEndAddr;       /* +0x090 */
	uint64_t        lgPmapMemPagesize;      /* +0x098 */
	uint64_t        lgPmapMemFromArrayMask; /* +0x0a0 */
	uint64_t        lgPmapMemFirstppnum;    /* +0x0a8 */
	uint64_t        lgPmapMemPackedShift;   /* +0x0b0 */
	uint64_t        lgPmapMemPackedBaseAddr;/* +0x0b8 */
	uint64_t        lgLayoutMinorVersion;   /* +0x0c0 */
	uint64_t        lgPageShift;            /* +0x0c8 */
	uint64_t        lgVmFirstPhys;          /* +0x0d0 */
	uint64_t        lgVmLastPhys;           /* +0x0d8 */
	uint64_t        lgPhysMapBase;          /* +0x0e0 */
	uint64_t        lgPhysMapEnd;           /* +0x0e8 */
	uint64_t        lgPmapIoRangePtr;       /* +0x0f0 */
	uint64_t        lgNumPmapIoRanges;      /* +0x0f8 */
	uint64_t        lgCompressorBufferAddr; /* +0x100 */
	uint64_t        lgCompressorSizeAddr;   /* +0x108 */
} lowglo;
#pragma pack()

_Static_assert(__builtin_offsetof(lowglo, lgStext) == 0x010, "lgStext");
_Static_assert(__builtin_offsetof(lowglo, lgVersion) == 0x018, "lgVersion");
_Static_assert(__builtin_offsetof(lowglo, lgOSVersion) == 0x020, "lgOSVersion");
_Static_assert(__builtin_offsetof(lowglo, lgKmodptr) == 0x028, "lgKmodptr");
_Static_assert(__builtin_offsetof(lowglo, lgLayoutMajorVersion) == 0x078, "major");
_Static_assert(__builtin_offsetof(lowglo, lgLayoutMagic) == 0x080, "magic");
_Static_assert(__builtin_offsetof(lowglo, lgLayoutMinorVersion) == 0x0c0, "minor");
_Static_assert(__builtin_offsetof(lowglo, lgCompressorSizeAddr) == 0x108, "last");
_Static_assert(sizeof(lowglo) == 0x110, "lowglo size");

extern lowglo lowGlo;

#endif /* _ARM64_LOWGLOBALS_H_ */
