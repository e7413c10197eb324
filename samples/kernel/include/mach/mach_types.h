/*
 * hagfish miniature kernel -- Mach scalar types and return codes.
 */
#ifndef _MACH_MACH_TYPES_H_
#define _MACH_MACH_TYPES_H_

#include <stdint.h>
#include <stddef.h>

typedef int             kern_return_t;
typedef int             boolean_t;
typedef uint32_t        natural_t;
typedef int32_t         integer_t;

typedef uintptr_t       vm_offset_t;
typedef uintptr_t       vm_size_t;
typedef vm_offset_t     vm_address_t;
typedef uint64_t        vm_map_offset_t;        /* 64 bit on every arch */
typedef uint64_t        vm_map_size_t;
typedef uint64_t        event64_t;
typedef int             vm_prot_t;

#define TRUE    1
#define FALSE   0

#define KERN_SUCCESS            0
#define KERN_INVALID_ADDRESS    1
#define KERN_PROTECTION_FAILURE 2
#define KERN_NO_SPACE           3
#define KERN_INVALID_ARGUMENT   4
#define KERN_FAILURE            5
#define KERN_RESOURCE_SHORTAGE  6
#define KERN_NOT_FOUND          56

#define VM_PROT_NONE    0x0
#define VM_PROT_READ    0x1
#define VM_PROT_WRITE   0x2
#define VM_PROT_EXECUTE 0x4

/* opaque handles, as the rest of the kernel sees them */
typedef struct task    *task_t;
typedef struct thread  *thread_t;
typedef struct vm_map  *vm_map_t;

#define TASK_NULL       ((task_t)0)
#define THREAD_NULL     ((thread_t)0)
#define VM_MAP_NULL     ((vm_map_t)0)

#endif /* _MACH_MACH_TYPES_H_ */
