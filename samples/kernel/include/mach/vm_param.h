/*
 * hagfish miniature kernel -- page size and kernel address constants,
 * per architecture, plus the page rounding helpers.
 *
 * round_page() is deliberately written on top of trunc_page(), and
 * kext_round_size() (kern/kext_alloc.h) on top of round_page(), so that an
 * -O1 build produces a nested chain of DW_TAG_inlined_subroutine entries.
 */
#ifndef _MACH_VM_PARAM_H_
#define _MACH_VM_PARAM_H_

#include <mach/mach_types.h>

#if defined(__arm64__)
#define PAGE_SHIFT              14              /* 16 KiB pages */
#define VM_MIN_KERNEL_ADDRESS   ((vm_offset_t)0xfffffe0000000000ULL)
#define VM_KERNEL_TEXT_BASE     ((vm_offset_t)0xfffffe0007004000ULL)
#define KEXT_REGION_BASE        ((vm_offset_t)0xfffffe0009200000ULL)
#elif defined(__x86_64__)
#define PAGE_SHIFT              12
#define VM_MIN_KERNEL_ADDRESS   ((vm_offset_t)0xffffff8000000000ULL)
#define VM_KERNEL_TEXT_BASE     ((vm_offset_t)0xffffff8000200000ULL)
#define KEXT_REGION_BASE        ((vm_offset_t)0xffffff7f80000000ULL)
#elif defined(__i386__)
#define PAGE_SHIFT              12
#define VM_MIN_KERNEL_ADDRESS   ((vm_offset_t)0x00001000UL)
#define VM_KERNEL_TEXT_BASE     ((vm_offset_t)0x00100000UL)
#define KEXT_REGION_BASE        ((vm_offset_t)0x5a000000UL)
#else
#error "unsupported architecture"
#endif

#define PAGE_SIZE       ((vm_size_t)1 << PAGE_SHIFT)
#define PAGE_MASK       (PAGE_SIZE - 1)

/* a kext address: the per-arch kext region base plus an offset */
#define KEXT_ADDR(off)  (KEXT_REGION_BASE + (vm_offset_t)(off))

static inline vm_offset_t
trunc_page(vm_offset_t x)
{
	return x & ~(vm_offset_t)PAGE_MASK;
}

static inline vm_offset_t
round_page(vm_offset_t x)
{
	return trunc_page(x + PAGE_MASK);
}

static inline boolean_t
page_aligned(vm_offset_t x)
{
	return (x & PAGE_MASK) == 0;
}

static inline vm_size_t
atop(vm_size_t bytes)
{
	return bytes >> PAGE_SHIFT;
}

#endif /* _MACH_VM_PARAM_H_ */
