/*
 * hagfish miniature kernel -- page fault handling, reduced to the lookup
 * and wiring decisions.  A kernel fault with no map entry is fatal.
 */
#include <vm/vm_map.h>
#include <mach/vm_param.h>
#include <kern/debug.h>

unsigned int    vm_fault_count;
vm_map_offset_t vm_fault_last_address;
vm_map_offset_t vm_fault_last_failure;

static inline vm_map_offset_t
vm_map_trunc_page(vm_map_offset_t addr)
{
	return addr & ~(vm_map_offset_t)PAGE_MASK;
}

__noinline kern_return_t
vm_fault(vm_map_t map, vm_map_offset_t vaddr, vm_prot_t fault_type,
    boolean_t change_wiring)
{
	struct vm_map_entry *entry;
	vm_map_offset_t page = vm_map_trunc_page(vaddr);

	if (map == VM_MAP_NULL) {
		return KERN_INVALID_ARGUMENT;
	}
	vm_fault_count++;

	entry = vm_map_lookup_entry(map, page);
	if (entry == NULL) {
		vm_fault_last_failure = page;
		if (map->is_kernel) {
			panic("vm_fault: unresolved kernel page fault");
		}
		return KERN_INVALID_ADDRESS;
	}
	if ((entry->protection & fault_type) != fault_type) {
		vm_fault_last_failure = page;
		return KERN_PROTECTION_FAILURE;
	}
	if (change_wiring) {
		entry->wired_count++;
		entry->wired = 1;
	}
	vm_fault_last_address = page;
	return KERN_SUCCESS;
}
