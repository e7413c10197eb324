/*
 * hagfish miniature kernel -- platform expert state and boot arguments.
 *
 * PE_state.bootArgs points at boot_args_store, whose command line is
 * "-v debug=0x1".  The memory map fields describe efi_memory_map; since
 * they are 32-bit physical addresses they are plain constants.
 */
#include <pexpert/pexpert.h>
#include <string.h>

EfiMemoryRange efi_memory_map[6] = {
	{ kEfiLoaderCode,          0, 0x00000000ULL, 0, 0x0009e,  0xf },
	{ kEfiConventionalMemory,  0, 0x00100000ULL, 0, 0x1ff00,  0xf },
	{ kEfiLoaderData,          0, 0x20000000ULL, 0, 0x00a00,  0xf },
	{ kEfiRuntimeServicesCode, 0, 0x8f6ee000ULL, 0xffffff808f6ee000ULL, 0x00060, 0x800000000000000fULL },
	{ kEfiACPIReclaimMemory,   0, 0x8fdf9000ULL, 0, 0x00027,  0xf },
	{ kEfiMemoryMappedIO,      0, 0xe0000000ULL, 0, 0x10000,  0x8000000000000001ULL },
};

boot_args boot_args_store = {
	.Revision = kBootArgsRevision,
	.Version = kBootArgsVersion,
	.efiMode = kBootArgsEfiMode64,
	.debugMode = 0,
	.CommandLine = "-v debug=0x1",
	.MemoryMap = 0x1f5e6000,
	.MemoryMapSize = sizeof(efi_memory_map),
	.MemoryMapDescriptorSize = sizeof(EfiMemoryRange),
	.MemoryMapDescriptorVersion = 1,
	.Video = {
		.v_baseAddr = 0xb0000000,
		.v_display = 1,
		.v_rowBytes = 1440 * 4,
		.v_width = 1440,
		.v_height = 900,
		.v_depth = 32,
	},
	.deviceTreeP = 0x1f5c8000,
	.deviceTreeLength = 0x1d8a4,
	.kaddr = 0x00200000,
	.ksize = 0x009f3000,
	.efiRuntimeServicesPageStart = 0x8f6ee,
	.efiRuntimeServicesPageCount = 0x60,
	.efiRuntimeServicesVirtualPageStart = 0xffffff808f6eeULL,
	.efiSystemTable = 0x8f74ee18,
	.performanceDataStart = 0x1f5e2000,
	.performanceDataSize = 0x1000,
	.keyStoreDataStart = 0,
	.keyStoreDataSize = 0,
	.bootMemStart = 0x1f5f1000ULL,
	.bootMemSize = 0x01a0f000ULL,
	.PhysicalMemorySize = 0x0000000200000000ULL,    /* 8 GiB */
	.FSBFrequency = 99998653ULL,
};

PE_state_t PE_state = {
	.initialized = TRUE,
	.video = {
		.v_baseAddr = 0xb0000000UL,
		.v_rowBytes = 1440 * 4,
		.v_width = 1440,
		.v_height = 900,
		.v_depth = 32,
		.v_display = 1,
		.v_pixelFormat = "PPPPPPPP",
		.v_offset = 0,
		.v_length = 1440 * 4 * 900,
		.v_rotate = 0,
		.v_scale = 1,
	},
	.deviceTreeHead = NULL,
	.bootArgs = &boot_args_store,
};

static inline int
pe_is_space(char c)
{
	return c == ' ' || c == '\t';
}

static inline int
pe_hex_digit(char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

/* parse "0x..." or decimal, stopping at the first non digit */
static inline unsigned long
pe_parse_number(const char *s)
{
	unsigned long v = 0;
	int d;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		for (s += 2; (d = pe_hex_digit(*s)) >= 0; s++) {
			v = v * 16 + (unsigned long)d;
		}
		return v;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (unsigned long)(*s - '0');
	}
	return v;
}

char *
PE_boot_args(void)
{
	return PE_state.bootArgs->CommandLine;
}

/*
 * Look for "name=value" (or a bare "-name" flag) in the boot command
 * line.  Numeric values are stored as an int, anything else is copied as
 * a string of at most max_len bytes.
 */
boolean_t
PE_parse_boot_argn(const char *arg_string, void *arg_ptr, int max_len)
{
	const char *cp = PE_boot_args();
	size_t len = strlen(arg_string);

	while (*cp != '\0') {
		while (pe_is_space(*cp)) {
			cp++;
		}
		if (*cp == '-' && strncmp(cp + 1, arg_string, len) == 0 &&
		    (cp[len + 1] == '\0' || pe_is_space(cp[len + 1]))) {
			if (max_len >= (int)sizeof(int)) {
				*(int *)arg_ptr = 1;
			}
			return TRUE;
		}
		if (strncmp(cp, arg_string, len) == 0 && cp[len] == '=') {
			const char *val = cp + len + 1;
			if (*val >= '0' && *val <= '9') {
				if (max_len >= (int)sizeof(int)) {
					*(int *)arg_ptr = (int)pe_parse_number(val);
				}
			} else {
				strlcpy(arg_ptr, val, (size_t)max_len);
			}
			return TRUE;
		}
		while (*cp != '\0' && !pe_is_space(*cp)) {
			cp++;
		}
	}
	return FALSE;
}

void
PE_init_platform(boolean_t vm_initialized, void *args)
{
	if (!PE_state.initialized) {
		PE_state.initialized = TRUE;
		PE_state.bootArgs = args;
		PE_state.video.v_baseAddr = PE_state.bootArgs->Video.v_baseAddr;
		PE_state.video.v_rowBytes = PE_state.bootArgs->Video.v_rowBytes;
		PE_state.video.v_width = PE_state.bootArgs->Video.v_width;
		PE_state.video.v_height = PE_state.bootArgs->Video.v_height;
		PE_state.video.v_depth = PE_state.bootArgs->Video.v_depth;
		PE_state.video.v_display = PE_state.bootArgs->Video.v_display;
	}
	if (vm_initialized) {
		PE_state.deviceTreeHead = NULL;
	}
}
