/*
 * hagfish miniature kernel -- address maps, reduced to what vm_fault()
 * and kext_alloc() look at.
 */
#ifndef _VM_VM_MAP_H_
#define _VM_VM_MAP_H_

#include <sys/cdefs.h>
#include <mach/mach_types.h>

struct vm_map_entry {
	struct vm_map_entry    *vme_next;       /* NULL terminated */
	vm_map_offset_t         vme_start;
	vm_map_offset_t         vme_end;        /* exclusive */
	unsigned int            protection:3,
	                        max_protection:3,
	                        wired:1,
	                        is_sub_map:1,
	                        user_tag:8,
	                        :0;
	unsigned short          wired_count;
};

struct vm_map {
	struct vm_map_entry    *first_entry;
	int                     nentries;
	void                   *pmap;
	vm_map_offset_t         min_offset;
	vm_map_offset_t         max_offset;
	vm_map_size_t           size;           /* bytes mapped */
	int                     ref_count;
	unsigned int            wait_for_space:1,
	                        wiring_required:1,
	                        no_zero_fill:1,
	                        mapped_in_other_pmaps:1,
	                        is_kernel:1;
};

__BEGIN_DECLS
extern vm_map_t         kernel_map;
extern struct vm_map    kernel_map_store;
extern struct vm_map    user_map_store[];

kern_return_t   vm_fault(vm_map_t map, vm_map_offset_t vaddr,
                    vm_prot_t fault_type, boolean_t change_wiring);
struct vm_map_entry *vm_map_lookup_entry(vm_map_t map, vm_map_offset_t addr);
__END_DECLS

#endif /* _VM_VM_MAP_H_ */
