/*
 * hagfish miniature kernel -- the kernel map and the user maps.
 *
 * kernel_map has three entries: the kernel image, the kext range that is
 * already populated, and the zone map.  The address kext_alloc() tries to
 * wire at panic time, KEXT_ADDR(0x00e00000), is just past the populated
 * kext range, so vm_fault() finds no entry for it and panics.
 */
#include <vm/vm_map.h>
#include <mach/vm_param.h>

#define KERNEL_MAP_MIN \
	(KEXT_REGION_BASE < VM_MIN_KERNEL_ADDRESS ? KEXT_REGION_BASE : VM_MIN_KERNEL_ADDRESS)
#define KERNEL_MAP_MAX          ((vm_map_offset_t)(vm_offset_t)-1 & ~(vm_map_offset_t)PAGE_MASK)

struct vm_map_entry kernel_map_entries[3] = {
	{       /* kernel image */
		.vme_next = &kernel_map_entries[1],
		.vme_start = VM_KERNEL_TEXT_BASE,
		.vme_end = VM_KERNEL_TEXT_BASE + 0x00a00000,
		.protection = VM_PROT_READ | VM_PROT_EXECUTE,
		.max_protection = VM_PROT_READ | VM_PROT_WRITE | VM_PROT_EXECUTE,
		.wired = 1, .wired_count = 1,
	},
	{       /* kexts loaded so far */
		.vme_next = &kernel_map_entries[2],
		.vme_start = KEXT_ADDR(0),
		.vme_end = KEXT_ADDR(0x00e00000),
		.protection = VM_PROT_READ | VM_PROT_WRITE | VM_PROT_EXECUTE,
		.max_protection = VM_PROT_READ | VM_PROT_WRITE | VM_PROT_EXECUTE,
		.wired = 1, .wired_count = 1, .user_tag = 14,
	},
	{       /* zone map */
		.vme_next = NULL,
		.vme_start = VM_MIN_KERNEL_ADDRESS + 0x10000000,
		.vme_end = VM_MIN_KERNEL_ADDRESS + 0x30000000,
		.protection = VM_PROT_READ | VM_PROT_WRITE,
		.max_protection = VM_PROT_READ | VM_PROT_WRITE,
		.is_sub_map = 1, .user_tag = 12,
	},
};

struct vm_map kernel_map_store = {
	.first_entry = &kernel_map_entries[0],
	.nentries = 3,
	.min_offset = KERNEL_MAP_MIN,
	.max_offset = KERNEL_MAP_MAX,
	.size = 0x00a00000 + 0x00e00000 + 0x20000000,
	.ref_count = 20,
	.wiring_required = 1,
	.is_kernel = 1,
};

vm_map_t kernel_map = &kernel_map_store;

#define USER_MAP(sz) { \
	.min_offset = 0x1000, .max_offset = 0x00007ffffffff000ULL, \
	.size = (sz), .ref_count = 1 }

/* one per user task, in pid order (task_launchd uses [0]) */
struct vm_map user_map_store[16] = {
	USER_MAP(0x02a4d000), USER_MAP(0x0210a000), USER_MAP(0x0334b000),
	USER_MAP(0x01c30000), USER_MAP(0x026e1000), USER_MAP(0x02b00000),
	USER_MAP(0x02004000), USER_MAP(0x0b3c2000), USER_MAP(0x2e9c0000),
	USER_MAP(0x02a00000), USER_MAP(0x0c8e1000), USER_MAP(0x05a11000),
	USER_MAP(0x0a020000), USER_MAP(0x01200000), USER_MAP(0x01a55000),
	USER_MAP(0x07f33000),
};

struct vm_map_entry *
vm_map_lookup_entry(vm_map_t map, vm_map_offset_t addr)
{
	struct vm_map_entry *e;
	int guard = 0;

	if (addr < map->min_offset || addr > map->max_offset) {
		return NULL;
	}
	for (e = map->first_entry; e != NULL && guard < map->nentries;
	    e = e->vme_next, guard++) {
		if (addr >= e->vme_start && addr < e->vme_end) {
			return e;
		}
	}
	return NULL;
}
