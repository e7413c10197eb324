/*
 * hagfish miniature kernel -- the boot_args block handed over by the
 * booter.  This follows the x86 (EFI) boot_args layout, revision 0
 * version 2, and is used on every architecture of this fixture.
 * It is exactly 4096 bytes, like the original.
 */
#ifndef _PEXPERT_BOOT_H_
#define _PEXPERT_BOOT_H_

#include <stdint.h>

#define BOOT_LINE_LENGTH        1024

#define kBootArgsRevision       0
#define kBootArgsVersion        2
#define kBootArgsEfiMode32      32
#define kBootArgsEfiMode64      64

enum {
	kEfiReservedMemoryType  = 0,
	kEfiLoaderCode          = 1,
	kEfiLoaderData          = 2,
	kEfiBootServicesCode    = 3,
	kEfiBootServicesData    = 4,
	kEfiRuntimeServicesCode = 5,
	kEfiRuntimeServicesData = 6,
	kEfiConventionalMemory  = 7,
	kEfiACPIReclaimMemory   = 9,
	kEfiACPIMemoryNVS       = 10,
	kEfiMemoryMappedIO      = 11,
};

typedef struct EfiMemoryRange {
	uint32_t        Type;
	uint32_t        Pad;
	uint64_t        PhysicalStart;
	uint64_t        VirtualStart;
	uint64_t        NumberOfPages;
	uint64_t        Attribute;
} EfiMemoryRange;

struct Boot_Video {
	uint32_t        v_baseAddr;     /* frame buffer, physical */
	uint32_t        v_display;      /* 1 = graphics, 2 = text */
	uint32_t        v_rowBytes;
	uint32_t        v_width;
	uint32_t        v_height;
	uint32_t        v_depth;
};
typedef struct Boot_Video Boot_Video;

typedef struct boot_args {
	uint16_t        Revision;
	uint16_t        Version;

	uint8_t         efiMode;        /* 32 or 64 */
	uint8_t         debugMode;
	uint8_t         __reserved1[2];

	char            CommandLine[BOOT_LINE_LENGTH];

	uint32_t        MemoryMap;      /* physical address of EfiMemoryRange[] */
	uint32_t        MemoryMapSize;
	uint32_t        MemoryMapDescriptorSize;
	uint32_t        MemoryMapDescriptorVersion;

	Boot_Video      Video;

	uint32_t        deviceTreeP;    /* physical address of the device tree */
	uint32_t        deviceTreeLength;

	uint32_t        kaddr;          /* physical start of kernel text */
	uint32_t        ksize;          /* kernel text + data + efi */

	uint32_t        efiRuntimeServicesPageStart;
	uint32_t        efiRuntimeServicesPageCount;
	uint64_t        efiRuntimeServicesVirtualPageStart;

	uint32_t        efiSystemTable;
	uint32_t        __reserved2;

	uint32_t        performanceDataStart;
	uint32_t        performanceDataSize;

	uint32_t        keyStoreDataStart;
	uint32_t        keyStoreDataSize;
	uint64_t        bootMemStart;
	uint64_t        bootMemSize;
	uint64_t        PhysicalMemorySize;
	uint64_t        FSBFrequency;
	uint32_t        __reserved4[734];
} boot_args;

_Static_assert(sizeof(boot_args) == 4096, "boot_args is one page");

#endif /* _PEXPERT_BOOT_H_ */
