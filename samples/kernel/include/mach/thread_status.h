/*
 * hagfish miniature kernel -- per architecture saved register state.
 *
 * One of these is embedded in every thread (thread->machine.ss).  The
 * x86_64 record is XNU's x86_saved_state64 with the interrupt stack frame
 * flattened into it; the i386 one follows x86_saved_state32 (the pusha
 * slot that XNU reuses for cr2 is kept as the kernel esp here); arm64
 * follows arm_saved_state64.
 */
#ifndef _MACH_THREAD_STATUS_H_
#define _MACH_THREAD_STATUS_H_

#include <stdint.h>

#if defined(__x86_64__)

struct x86_saved_state64 {
	uint64_t        rdi;            /* system call argument registers */
	uint64_t        rsi;
	uint64_t        rdx;
	uint64_t        r10;
	uint64_t        r8;
	uint64_t        r9;
	uint64_t        cr2;            /* fault address */
	uint64_t        r15;
	uint64_t        r14;
	uint64_t        r13;
	uint64_t        r12;
	uint64_t        r11;
	uint64_t        rbp;            /* frame pointer */
	uint64_t        rbx;
	uint64_t        rcx;
	uint64_t        rax;
	uint32_t        gs;
	uint32_t        fs;
	uint16_t        trapno;         /* what got us into the kernel */
	uint16_t        cpu;
	uint32_t        err;
	uint64_t        trapfn;
	uint64_t        rip;            /* interrupted pc */
	uint64_t        cs;
	uint64_t        rflags;
	uint64_t        rsp;            /* interrupted stack pointer */
	uint64_t        ss;
};
typedef struct x86_saved_state64 machine_saved_state_t;
typedef uint64_t reg_t;

#elif defined(__arm64__)

struct arm_saved_state64 {
	uint64_t        x[29];          /* x0 .. x28 */
	uint64_t        fp;             /* x29 */
	uint64_t        lr;             /* x30 */
	uint64_t        sp;
	uint64_t        pc;
	uint32_t        cpsr;
	uint32_t        reserved;
	uint64_t        far;            /* fault address */
	uint64_t        esr;            /* exception syndrome */
};
typedef struct arm_saved_state64 machine_saved_state_t;
typedef uint64_t reg_t;

#elif defined(__i386__)

struct x86_saved_state32 {
	uint32_t        gs;
	uint32_t        fs;
	uint32_t        es;
	uint32_t        ds;
	uint32_t        edi;
	uint32_t        esi;
	uint32_t        ebp;            /* frame pointer */
	uint32_t        esp;            /* kernel esp at trap time */
	uint32_t        ebx;
	uint32_t        edx;
	uint32_t        ecx;
	uint32_t        eax;
	uint16_t        trapno;
	uint16_t        cpu;
	uint32_t        err;
	uint32_t        eip;            /* interrupted pc */
	uint32_t        cs;
	uint32_t        efl;
	uint32_t        uesp;           /* user esp, when from user space */
	uint32_t        ss;
};
typedef struct x86_saved_state32 machine_saved_state_t;
typedef uint32_t reg_t;

#else
#error "unsupported architecture"
#endif

/* convert an address constant to a register-sized integer */
#define REG_ADDR(p)     ((reg_t)(uintptr_t)(p))

/* a standard frame record: [fp] = caller's fp, [fp + ptrsize] = return */
struct frame_record {
	struct frame_record *fp;
	void                *ret;
};

#endif /* _MACH_THREAD_STATUS_H_ */
