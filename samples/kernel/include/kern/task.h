/*
 * hagfish miniature kernel -- the Mach task.
 */
#ifndef _KERN_TASK_H_
#define _KERN_TASK_H_

#include <sys/cdefs.h>
#include <mach/mach_types.h>
#include <kern/queue.h>

struct lck_mtx {
	uintptr_t       lck_mtx_owner;
	uint32_t        lck_mtx_state;
	uint32_t        lck_mtx_pad;
};

struct task {
	struct lck_mtx  lock;
	uint32_t        ref_count;      /* references held on this task */
	boolean_t       active;         /* not yet terminated */
	boolean_t       halting;

	vm_map_t        map;            /* address space */
	queue_chain_t   tasks;          /* linkage on the global 'tasks' queue */
	void           *user_data;

	queue_head_t    threads;        /* circular queue of thread.task_threads */
	int             thread_count;
	uint32_t        active_thread_count;
	int             suspend_count;

	integer_t       priority;
	integer_t       max_priority;

	uint64_t        total_user_time;        /* in absolute time units */
	uint64_t        total_system_time;

	void           *bsd_info;       /* back pointer to the struct proc */
	uint64_t        task_uniqueid;
	uint32_t        t_flags;
};

#define TF_64B_ADDR     0x1     /* 64-bit address space */
#define TF_64B_DATA     0x2

__BEGIN_DECLS
extern task_t           kernel_task;
extern queue_head_t     tasks;
extern int              tasks_count;

extern struct task task_kernel, task_launchd, task_kextd, task_usereventagent,
    task_notifyd, task_configd, task_mdnsresponder, task_diskarbitrationd,
    task_loginwindow, task_windowserver, task_launchd_user, task_finder,
    task_qtkitserver, task_terminal, task_login, task_bash, task_xcodebuild;

int             task_threads_count(task_t task);
void            task_reference(task_t task);
void            task_deallocate(task_t task);
task_t          task_for_uniqueid(uint64_t uniqueid);
__END_DECLS

#endif /* _KERN_TASK_H_ */
