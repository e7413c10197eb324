/*
 * hagfish miniature kernel -- the Mach thread and the per-cpu data.
 */
#ifndef _KERN_THREAD_H_
#define _KERN_THREAD_H_

#include <sys/cdefs.h>
#include <mach/mach_types.h>
#include <mach/thread_status.h>
#include <kern/queue.h>

/* thread->state bits */
#define TH_WAIT         0x01    /* queued for waiting */
#define TH_SUSP         0x02    /* stopped */
#define TH_RUN          0x04    /* running or on a run queue */
#define TH_UNINT        0x08    /* waiting uninterruptibly */
#define TH_TERMINATE    0x10
#define TH_IDLE         0x80    /* the idle thread */

typedef enum sched_mode {
	TH_MODE_NONE = 0,
	TH_MODE_REALTIME,
	TH_MODE_FIXED,
	TH_MODE_TIMESHARE,
} sched_mode_t;

typedef void (*thread_continue_t)(void *parameter, int wresult);

struct machine_thread {
	machine_saved_state_t   ss;             /* registers at the last switch/trap */
	uint64_t                cthread_self;   /* user TSD base */
	uint32_t                specFlags;
	uint32_t                pad;
};

struct thread {
	queue_chain_t           links;          /* run queue linkage */
	queue_chain_t           task_threads;   /* linkage on task->threads */
	struct task            *task;
	vm_map_t                map;

	vm_offset_t             kernel_stack;   /* base of the kernel stack */
	vm_offset_t             reserved_stack;

	int                     state;          /* TH_* */
	sched_mode_t            sched_mode;
	int                     sched_pri;      /* current scheduled priority */
	int                     priority;       /* base priority */
	int                     max_priority;
	uint32_t                ref_count;

	event64_t               wait_event;
	thread_continue_t       continuation;
	void                   *parameter;

	uint64_t                thread_id;      /* system-wide unique id */
	uint32_t                options;
	uint32_t                sched_flags;

	struct machine_thread   machine;
	void                   *uthread;        /* BSD per-thread state */
};

#define MAX_CPUS        4

typedef struct cpu_data {
	struct cpu_data        *cpu_this;       /* self pointer */
	thread_t                cpu_active_thread;
	thread_t                cpu_idle_thread;
	int                     cpu_number;
	int                     cpu_running;
	vm_offset_t             cpu_int_stack_top;
	uint64_t                cpu_preemption_level;
} cpu_data_t;

__BEGIN_DECLS
extern cpu_data_t       cpu_data_master;
extern cpu_data_t      *cpu_data_ptr[MAX_CPUS];
extern int              threads_count;

/* kernel_task threads */
extern struct thread thread_kernel_idle, thread_panic, thread_kernel_callout;
/* launchd (pid 1) threads */
extern struct thread thread_launchd_main, thread_launchd_worker;
/* WindowServer threads */
extern struct thread thread_windowserver_main, thread_windowserver_events;
/* one thread each */
extern struct thread thread_kextd, thread_usereventagent, thread_notifyd,
    thread_configd, thread_mdnsresponder, thread_diskarbitrationd,
    thread_loginwindow, thread_launchd_user, thread_finder,
    thread_qtkitserver, thread_terminal, thread_login, thread_bash,
    thread_xcodebuild;

int             thread_block(thread_continue_t continuation);
thread_t        thread_find_by_id(uint64_t thread_id);
thread_t        current_thread(void);
__END_DECLS

#endif /* _KERN_THREAD_H_ */
