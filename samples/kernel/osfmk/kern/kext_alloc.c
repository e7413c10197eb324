/*
 * hagfish miniature kernel -- allocation of kext load addresses.
 *
 * Kexts are loaded into a dedicated region (KEXT_REGION_BASE: just below
 * the kernel on x86_64, after it on arm64).  Free space in that region is
 * tracked by a tiny first-fit table.  Each allocation wires its first page
 * through vm_fault(); at the time of the recorded panic the first free
 * range starts at KEXT_ADDR(0x00e00000), which has no kernel_map entry yet,
 * so that fault is the one that panics (see osfmk/kern/thread.c).
 */
#include <kern/kext_alloc.h>
#include <kern/debug.h>
#include <vm/vm_map.h>

vm_offset_t     kext_alloc_base = KEXT_ADDR(0);
vm_offset_t     kext_alloc_max = KEXT_ADDR(0x80000000UL);
vm_offset_t     kext_post_boot_base = KEXT_ADDR(0x00e00000);
vm_size_t       kext_alloc_total = 0x00e00000;  /* already handed out */
unsigned int    kext_alloc_count = 7;           /* kexts on the kmod list */

struct kext_free_range kext_free_ranges[KEXT_FREE_RANGES] = {
	{ KEXT_ADDR(0x00e00000), 0x01200000 },
	{ KEXT_ADDR(0x04000000), 0x10000000 },
	{ 0, 0 },
	{ 0, 0 },
};

static inline vm_offset_t
kext_range_end(const struct kext_free_range *r)
{
	return r->start + r->size;
}

static inline boolean_t
kext_range_contains(const struct kext_free_range *r, vm_offset_t start,
    vm_size_t size)
{
	return start >= r->start && start + size <= kext_range_end(r);
}

static struct kext_free_range *
kext_free_slot(void)
{
	unsigned int i;

	for (i = 0; i < KEXT_FREE_RANGES; i++) {
		if (kext_free_ranges[i].size == 0) {
			return &kext_free_ranges[i];
		}
	}
	return NULL;
}

void
kext_alloc_init(void)
{
	unsigned int i;

	kext_alloc_base = trunc_page(KEXT_REGION_BASE);
	kext_alloc_max = kext_alloc_base + 0x80000000UL;

	/* page align the table; drop ranges that fall outside the region */
	for (i = 0; i < KEXT_FREE_RANGES; i++) {
		struct kext_free_range *r = &kext_free_ranges[i];
		vm_offset_t start, end;

		if (r->size == 0) {
			continue;
		}
		start = round_page(r->start);
		end = trunc_page(kext_range_end(r));
		if (start < kext_alloc_base || end > kext_alloc_max || end <= start) {
			r->start = 0;
			r->size = 0;
			continue;
		}
		r->start = start;
		r->size = end - start;
	}
}

__noinline kern_return_t
kext_alloc(vm_offset_t *addr, vm_size_t size, boolean_t fixed)
{
	vm_offset_t want = 0;
	unsigned int i;

	if (addr == NULL || size == 0) {
		return KERN_INVALID_ARGUMENT;
	}
	size = kext_round_size(size);
	if (fixed) {
		want = trunc_page(*addr);
		if (want < kext_alloc_base || want + size > kext_alloc_max) {
			return KERN_INVALID_ADDRESS;
		}
	}

	for (i = 0; i < KEXT_FREE_RANGES; i++) {
		struct kext_free_range *r = &kext_free_ranges[i];
		vm_offset_t start;
		kern_return_t kr;

		if (r->size < size) {
			continue;
		}
		if (fixed) {
			if (!kext_range_contains(r, want, size)) {
				continue;
			}
			start = want;
		} else {
			start = r->start;
		}

		if (start == r->start) {
			r->start += size;
			r->size -= size;
		} else {
			/* carve from the middle: keep the head, re-file the tail */
			struct kext_free_range *tail = kext_free_slot();
			vm_offset_t end = kext_range_end(r);

			if (tail == NULL && start + size != end) {
				return KERN_RESOURCE_SHORTAGE;
			}
			r->size = start - r->start;
			if (start + size != end) {
				tail->start = start + size;
				tail->size = end - tail->start;
			}
		}

		/* wire the first page so the linker can write the header */
		kr = vm_fault(kernel_map, start, VM_PROT_READ | VM_PROT_WRITE, TRUE);
		if (kr != KERN_SUCCESS) {
			kext_free(start, size);
			return kr;
		}

		*addr = start;
		kext_alloc_total += size;
		kext_alloc_count++;
		if (start + size > kext_post_boot_base) {
			kext_post_boot_base = start + size;
		}
		return KERN_SUCCESS;
	}
	return KERN_NO_SPACE;
}

void
kext_free(vm_offset_t addr, vm_size_t size)
{
	struct kext_free_range *slot;
	unsigned int i;

	size = kext_round_size(size);
	addr = trunc_page(addr);

	/* merge with a neighbour when possible */
	for (i = 0; i < KEXT_FREE_RANGES; i++) {
		struct kext_free_range *r = &kext_free_ranges[i];

		if (r->size == 0) {
			continue;
		}
		if (kext_range_end(r) == addr) {
			r->size += size;
			goto done;
		}
		if (addr + size == r->start) {
			r->start = addr;
			r->size += size;
			goto done;
		}
	}
	slot = kext_free_slot();
	if (slot == NULL) {
		return;         /* leak it, as a real kernel would have to */
	}
	slot->start = addr;
	slot->size = size;
done:
	if (kext_alloc_total >= size) {
		kext_alloc_total -= size;
	}
}
