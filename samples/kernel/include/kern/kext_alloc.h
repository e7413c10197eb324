/*
 * hagfish miniature kernel -- allocator for the kext address range.
 */
#ifndef _KERN_KEXT_ALLOC_H_
#define _KERN_KEXT_ALLOC_H_

#include <sys/cdefs.h>
#include <mach/mach_types.h>
#include <mach/vm_param.h>

#define KEXT_FREE_RANGES        4

struct kext_free_range {
	vm_offset_t     start;
	vm_size_t       size;           /* 0 = slot unused */
};

__BEGIN_DECLS
extern vm_offset_t              kext_alloc_base;
extern vm_offset_t              kext_alloc_max;
extern vm_offset_t              kext_post_boot_base;
extern vm_size_t                kext_alloc_total;
extern unsigned int             kext_alloc_count;
extern struct kext_free_range   kext_free_ranges[KEXT_FREE_RANGES];

void            kext_alloc_init(void);
kern_return_t   kext_alloc(vm_offset_t *addr, vm_size_t size, boolean_t fixed);
void            kext_free(vm_offset_t addr, vm_size_t size);
__END_DECLS

/* three deep inline chain: kext_round_size -> round_page -> trunc_page */
static inline vm_size_t
kext_round_size(vm_size_t size)
{
	return round_page(size);
}

#endif /* _KERN_KEXT_ALLOC_H_ */
