/*
 * hagfish miniature kernel -- Mach threads, the per-cpu data and the
 * kernel stack of the thread that panicked.
 *
 * thread_panic (thread_id 102, in kernel_task) is the active thread on
 * cpu 0.  It was running kernel_bootstrap_thread, which asked for a kext
 * load that faulted inside kext_alloc.  Its saved state and its kernel
 * stack (thread_panic_stack) are laid out in data so that an unwinder can
 * walk it.  Expected backtrace, innermost first (PC, then each frame
 * record's return address):
 *
 *   pc      Debugger                                 + 0x10  (saved rip/pc)
 *   f0.ret  panic                                    + 0x14
 *   f1.ret  vm_fault                                 + 0x0c
 *   f2.ret  kext_alloc                               + 0x14
 *   f3.ret  OSKext::load(unsigned char, unsigned char, OSArray*)
 *           (__ZN6OSKext4loadEhhP7OSArray)           + 0x10
 *   f4.ret  OSKext::loadKextWithIdentifier(char const*, unsigned char, unsigned char)
 *           (__ZN6OSKext22loadKextWithIdentifierEPKchh) + 0x0c
 *   f5.ret  kmod_load_request                        + 0x10
 *   f6.ret  kernel_bootstrap_thread                  + 0x0c   (f6.fp == 0: end)
 *
 * The saved frame pointer (rbp / fp / ebp) is &thread_panic_stack.f0 and
 * the saved stack pointer is &thread_panic_stack.debugger_locals[0],
 * 32 bytes below it.  Each fp points at the next (older, higher) record.
 *
 * All other threads are blocked: pc = thread_block + 0x10, fp = 0, sp near
 * the top of their slot in kernel_stack_pool.
 */
#include <kern/thread.h>
#include <kern/task.h>
#include <kern/debug.h>
#include <kern/kext_alloc.h>
#include <kern/startup.h>
#include <mach/kmod.h>
#include <vm/vm_map.h>
#include <sys/proc_internal.h>

/* the C++ frames, named by their Mach-O symbols */
extern void oskext_load_sym(void) __asm__("__ZN6OSKext4loadEhhP7OSArray");
extern void oskext_load_with_id_sym(void)
    __asm__("__ZN6OSKext22loadKextWithIdentifierEPKchh");

/* return address offsets; see the table above */
#define PC_OFF_DEBUGGER         0x10
#define RET_OFF_PANIC           0x14
#define RET_OFF_VM_FAULT        0x0c
#define RET_OFF_KEXT_ALLOC      0x14
#define RET_OFF_OSKEXT_LOAD     0x10
#define RET_OFF_LOAD_WITH_ID    0x0c
#define RET_OFF_KMOD_LOAD       0x10
#define RET_OFF_BOOTSTRAP       0x0c
#define PC_OFF_THREAD_BLOCK     0x10

#define CODE_AT(fn, off)        ((void *)((char *)(fn) + (off)))

/*
 * The panicked thread's kernel stack, low addresses first.  Frame records
 * are 16-byte aligned on LP64 and separated by locals of varying size, as
 * in a real stack.
 */
struct kernel_stack_region {
	uint64_t                guard[64];              /* unused part of the stack */
	uint64_t                debugger_locals[4];     /* saved sp points here */
	struct frame_record     f0;     /* Debugger's frame  -> panic */
	uint64_t                panic_locals[6];
	struct frame_record     f1;     /* panic's frame     -> vm_fault */
	uint64_t                vm_fault_locals[10];
	struct frame_record     f2;     /* vm_fault's frame  -> kext_alloc */
	uint64_t                kext_alloc_locals[4];
	struct frame_record     f3;     /* kext_alloc's frame -> OSKext::load */
	uint64_t                load_locals[8];
	struct frame_record     f4;     /* OSKext::load's frame -> loadKextWithIdentifier */
	uint64_t                load_with_id_locals[2];
	struct frame_record     f5;     /* -> kmod_load_request */
	uint64_t                kmod_load_locals[6];
	struct frame_record     f6;     /* -> kernel_bootstrap_thread; fp = 0 */
	uint64_t                top[2];
};

struct kernel_stack_region thread_panic_stack __aligned(16) = {
	.debugger_locals = { 0, 0x2c, 0, 0 },
	.f0 = { &thread_panic_stack.f1, CODE_AT(panic, RET_OFF_PANIC) },
	.f1 = { &thread_panic_stack.f2, CODE_AT(vm_fault, RET_OFF_VM_FAULT) },
	.f2 = { &thread_panic_stack.f3, CODE_AT(kext_alloc, RET_OFF_KEXT_ALLOC) },
	.f3 = { &thread_panic_stack.f4, CODE_AT(oskext_load_sym, RET_OFF_OSKEXT_LOAD) },
	.f4 = { &thread_panic_stack.f5, CODE_AT(oskext_load_with_id_sym, RET_OFF_LOAD_WITH_ID) },
	.f5 = { &thread_panic_stack.f6, CODE_AT(kmod_load_request, RET_OFF_KMOD_LOAD) },
	.f6 = { NULL, CODE_AT(kernel_bootstrap_thread, RET_OFF_BOOTSTRAP) },
};

/* small kernel stacks for the 20 threads that are simply blocked */
#define KSTACK_POOL_THREADS     20
#define KSTACK_POOL_WORDS       128
uint64_t kernel_stack_pool[KSTACK_POOL_THREADS][KSTACK_POOL_WORDS] __aligned(16);

/* interrupt stack of cpu 0 */
uint64_t intstack[256] __aligned(16);

#define STACK_TOP_OF(idx)       (&kernel_stack_pool[idx][KSTACK_POOL_WORDS - 8])

#if defined(__x86_64__)
#define BLOCKED_STATE(idx) { \
	.rip = REG_ADDR(CODE_AT(thread_block, PC_OFF_THREAD_BLOCK)), \
	.rsp = REG_ADDR(STACK_TOP_OF(idx)), .rbp = 0, \
	.cs = 0x08, .ss = 0x10, .rflags = 0x46 }
#define PANIC_STATE { \
	.rdi = REG_ADDR(KEXT_ADDR(0x00e00000)), .rsi = 0x4000, \
	.cr2 = REG_ADDR(KEXT_ADDR(0x00e00000)), \
	.rbp = REG_ADDR(&thread_panic_stack.f0), \
	.rax = 0, .rbx = REG_ADDR(&task_kernel), \
	.trapno = 14, .cpu = 0, .err = 2, \
	.rip = REG_ADDR(CODE_AT(Debugger, PC_OFF_DEBUGGER)), \
	.cs = 0x08, .rflags = 0x10282, \
	.rsp = REG_ADDR(&thread_panic_stack.debugger_locals[0]), .ss = 0x10 }
#elif defined(__arm64__)
#define BLOCKED_STATE(idx) { \
	.pc = REG_ADDR(CODE_AT(thread_block, PC_OFF_THREAD_BLOCK)), \
	.sp = REG_ADDR(STACK_TOP_OF(idx)), .fp = 0, .lr = 0, \
	.cpsr = 0x3c5 }
#define PANIC_STATE { \
	.x = { [0] = REG_ADDR(KEXT_ADDR(0x00e00000)), [1] = 0x4000, \
	       [19] = REG_ADDR(&task_kernel) }, \
	.fp = REG_ADDR(&thread_panic_stack.f0), \
	.lr = REG_ADDR(CODE_AT(panic, RET_OFF_PANIC)), \
	.sp = REG_ADDR(&thread_panic_stack.debugger_locals[0]), \
	.pc = REG_ADDR(CODE_AT(Debugger, PC_OFF_DEBUGGER)), \
	.cpsr = 0x600003c5, \
	.far = REG_ADDR(KEXT_ADDR(0x00e00000)), .esr = 0x96000047 }
#elif defined(__i386__)
#define BLOCKED_STATE(idx) { \
	.eip = REG_ADDR(CODE_AT(thread_block, PC_OFF_THREAD_BLOCK)), \
	.esp = REG_ADDR(STACK_TOP_OF(idx)), .ebp = 0, \
	.cs = 0x08, .ss = 0x10, .efl = 0x46 }
#define PANIC_STATE { \
	.ebp = REG_ADDR(&thread_panic_stack.f0), \
	.esp = REG_ADDR(&thread_panic_stack.debugger_locals[0]), \
	.ebx = REG_ADDR(&task_kernel), \
	.trapno = 14, .err = 2, \
	.eip = REG_ADDR(CODE_AT(Debugger, PC_OFF_DEBUGGER)), \
	.cs = 0x08, .efl = 0x10282, .ss = 0x10 }
#endif

#define TTQ(t)                  (&(t).task_threads)
#define TASK_THREADS(nextq, prevq) .task_threads = { (nextq), (prevq) }
#define ONLY_THREAD_OF(tk)      TASK_THREADS(&(tk).threads, &(tk).threads)

#define KERNEL_THREAD(idx, tid, st, pri) \
	.task = &task_kernel, .map = &kernel_map_store, \
	.kernel_stack = (vm_offset_t)&kernel_stack_pool[idx][0], \
	.state = (st), .sched_mode = TH_MODE_FIXED, \
	.sched_pri = (pri), .priority = (pri), .max_priority = 95, \
	.ref_count = 2, .thread_id = (tid), \
	.machine = { .ss = BLOCKED_STATE(idx) }

#define USER_THREAD(tk, mapidx, idx, tid, pri) \
	.task = &(tk), .map = &user_map_store[mapidx], \
	.kernel_stack = (vm_offset_t)&kernel_stack_pool[idx][0], \
	.state = TH_WAIT, .sched_mode = TH_MODE_TIMESHARE, \
	.sched_pri = (pri), .priority = (pri), .max_priority = 63, \
	.ref_count = 2, .thread_id = (tid), \
	.machine = { .ss = BLOCKED_STATE(idx), .cthread_self = 0x7fff7a3b0000ULL + (tid) }

/* ---- kernel_task ---------------------------------------------------- */

struct thread thread_kernel_idle = {
	KERNEL_THREAD(0, 101, TH_RUN | TH_IDLE, 0),
	TASK_THREADS(TTQ(thread_panic), &task_kernel.threads),
};

struct thread thread_panic = {
	TASK_THREADS(TTQ(thread_kernel_callout), TTQ(thread_kernel_idle)),
	.task = &task_kernel,
	.map = &kernel_map_store,
	.kernel_stack = (vm_offset_t)&thread_panic_stack,
	.state = TH_RUN,
	.sched_mode = TH_MODE_FIXED,
	.sched_pri = 81, .priority = 81, .max_priority = 95,
	.ref_count = 3,
	.thread_id = 102,
	.options = 0x4,         /* may allocate from the reserved pool */
	.machine = { .ss = PANIC_STATE },
};

struct thread thread_kernel_callout = {
	KERNEL_THREAD(1, 103, TH_WAIT | TH_UNINT, 80),
	TASK_THREADS(&task_kernel.threads, TTQ(thread_panic)),
};

/* ---- launchd (pid 1) -------------------------------------------------- */

struct thread thread_launchd_main = {
	USER_THREAD(task_launchd, 0, 2, 1004, 31),
	TASK_THREADS(TTQ(thread_launchd_worker), &task_launchd.threads),
};

struct thread thread_launchd_worker = {
	USER_THREAD(task_launchd, 0, 3, 1005, 31),
	TASK_THREADS(&task_launchd.threads, TTQ(thread_launchd_main)),
};

/* ---- single threaded daemons -------------------------------------------- */

struct thread thread_kextd = {
	USER_THREAD(task_kextd, 1, 4, 1006, 31), ONLY_THREAD_OF(task_kextd),
};
struct thread thread_usereventagent = {
	USER_THREAD(task_usereventagent, 2, 5, 1007, 31), ONLY_THREAD_OF(task_usereventagent),
};
struct thread thread_notifyd = {
	USER_THREAD(task_notifyd, 3, 6, 1008, 31), ONLY_THREAD_OF(task_notifyd),
};
struct thread thread_configd = {
	USER_THREAD(task_configd, 4, 7, 1009, 31), ONLY_THREAD_OF(task_configd),
};
struct thread thread_mdnsresponder = {
	USER_THREAD(task_mdnsresponder, 5, 8, 1010, 31), ONLY_THREAD_OF(task_mdnsresponder),
};
struct thread thread_diskarbitrationd = {
	USER_THREAD(task_diskarbitrationd, 6, 9, 1011, 31), ONLY_THREAD_OF(task_diskarbitrationd),
};
struct thread thread_loginwindow = {
	USER_THREAD(task_loginwindow, 7, 10, 1012, 46), ONLY_THREAD_OF(task_loginwindow),
};

/* ---- WindowServer: two threads --------------------------------------- */

struct thread thread_windowserver_main = {
	USER_THREAD(task_windowserver, 8, 11, 1013, 79),
	TASK_THREADS(TTQ(thread_windowserver_events), &task_windowserver.threads),
};

struct thread thread_windowserver_events = {
	USER_THREAD(task_windowserver, 8, 12, 1014, 63),
	TASK_THREADS(&task_windowserver.threads, TTQ(thread_windowserver_main)),
};

/* ---- the user session ------------------------------------------------ */

struct thread thread_launchd_user = {
	USER_THREAD(task_launchd_user, 9, 13, 1015, 31), ONLY_THREAD_OF(task_launchd_user),
};
struct thread thread_finder = {
	USER_THREAD(task_finder, 10, 14, 1016, 46), ONLY_THREAD_OF(task_finder),
};
struct thread thread_qtkitserver = {
	USER_THREAD(task_qtkitserver, 11, 15, 1017, 31), ONLY_THREAD_OF(task_qtkitserver),
};
struct thread thread_terminal = {
	USER_THREAD(task_terminal, 12, 16, 1018, 46), ONLY_THREAD_OF(task_terminal),
};
struct thread thread_login = {
	USER_THREAD(task_login, 13, 17, 1019, 31), ONLY_THREAD_OF(task_login),
};
struct thread thread_bash = {
	USER_THREAD(task_bash, 14, 18, 1020, 31), ONLY_THREAD_OF(task_bash),
};
struct thread thread_xcodebuild = {
	USER_THREAD(task_xcodebuild, 15, 19, 1021, 31), ONLY_THREAD_OF(task_xcodebuild),
};

int threads_count = 21;

/* ---- per-cpu data ------------------------------------------------------ */

cpu_data_t cpu_data_master = {
	.cpu_this = &cpu_data_master,
	.cpu_active_thread = &thread_panic,
	.cpu_idle_thread = &thread_kernel_idle,
	.cpu_number = 0,
	.cpu_running = TRUE,
	.cpu_int_stack_top = (vm_offset_t)&intstack[256],
	.cpu_preemption_level = 1,
};

cpu_data_t *cpu_data_ptr[MAX_CPUS] = { &cpu_data_master };

thread_t
current_thread(void)
{
	return cpu_data_master.cpu_active_thread;
}

/* find a thread by id by walking every task's thread queue */
thread_t
thread_find_by_id(uint64_t thread_id)
{
	queue_entry_t tq, thq;

	for (tq = queue_first(&tasks); !queue_end(&tasks, tq); tq = queue_next(tq)) {
		task_t t = qe_element(tq, struct task, tasks);
		if (queue_empty(&t->threads)) {
			continue;
		}
		for (thq = queue_first(&t->threads); !queue_end(&t->threads, thq);
		    thq = queue_next(thq)) {
			thread_t th = qe_element(thq, struct thread, task_threads);
			if (th->thread_id == thread_id) {
				return th;
			}
		}
	}
	return THREAD_NULL;
}

/*
 * Give up the cpu: pick the highest priority runnable thread (other than
 * the current one), switch the cpu's notion of the active thread and run
 * the continuation if there is one.
 */
__noinline int
thread_block(thread_continue_t continuation)
{
	thread_t self = current_thread();
	thread_t best = THREAD_NULL;
	queue_entry_t tq, thq;

	for (tq = queue_first(&tasks); !queue_end(&tasks, tq); tq = queue_next(tq)) {
		task_t t = qe_element(tq, struct task, tasks);
		if (!t->active || t->suspend_count > 0) {
			continue;
		}
		for (thq = queue_first(&t->threads); !queue_end(&t->threads, thq);
		    thq = queue_next(thq)) {
			thread_t th = qe_element(thq, struct thread, task_threads);
			if (th == self || !(th->state & TH_RUN)) {
				continue;
			}
			if (best == THREAD_NULL || th->sched_pri > best->sched_pri) {
				best = th;
			}
		}
	}
	if (best == THREAD_NULL) {
		best = cpu_data_master.cpu_idle_thread;
	}
	if (self != THREAD_NULL) {
		self->continuation = continuation;
		self->state = (self->state & ~TH_RUN) | TH_WAIT;
	}
	cpu_data_master.cpu_active_thread = best;
	if (continuation != NULL) {
		continuation(best->parameter, 0);
	}
	return best->sched_pri;
}
