/*
 * hagfish miniature kernel -- Mach tasks.
 *
 * One task per process (see bsd/kern/kern_proc.c); task->bsd_info points
 * back at the proc.  Every task sits on the global 'tasks' queue in pid
 * order, and owns a circular queue of its threads (thread.task_threads):
 *
 *   task_kernel    3 threads: thread_kernel_idle, thread_panic, thread_kernel_callout
 *   task_launchd   2 threads: thread_launchd_main, thread_launchd_worker
 *   task_windowserver 2 threads: thread_windowserver_main, thread_windowserver_events
 *   every other task: 1 thread, named thread_<proc>
 */
#include <kern/task.h>
#include <kern/thread.h>
#include <sys/proc_internal.h>
#include <vm/vm_map.h>

extern struct proc proc_kernel_task, proc_launchd, proc_kextd,
    proc_usereventagent, proc_notifyd, proc_configd, proc_mdnsresponder,
    proc_diskarbitrationd, proc_loginwindow, proc_windowserver,
    proc_launchd_user, proc_finder, proc_qtkitserver, proc_terminal,
    proc_login, proc_bash, proc_xcodebuild;

task_t kernel_task = &task_kernel;
int tasks_count = 17;

/* global task queue: kernel first, then by pid */
queue_head_t tasks = { &task_kernel.tasks, &task_xcodebuild.tasks };

#define TASKS_LINK(nextq, prevq)        .tasks = { .next = (nextq), .prev = (prevq) }
#define TQ(t)                           (&(t).tasks)

#define THREADS_1(a) \
	.threads = { &(a).task_threads, &(a).task_threads }, \
	.thread_count = 1, .active_thread_count = 1
#define THREADS_2(a, b) \
	.threads = { &(a).task_threads, &(b).task_threads }, \
	.thread_count = 2, .active_thread_count = 2
#define THREADS_3(a, b, c) \
	.threads = { &(a).task_threads, &(c).task_threads }, \
	.thread_count = 3, .active_thread_count = 3

#define USER_TASK(procp, mapidx, uid) \
	.ref_count = 2, .active = TRUE, \
	.map = &user_map_store[mapidx], \
	.priority = 31, .max_priority = 63, \
	.bsd_info = &(procp), .task_uniqueid = (uid), \
	.t_flags = TF_64B_ADDR | TF_64B_DATA

struct task task_kernel = {
	.ref_count = 7, .active = TRUE,
	.map = &kernel_map_store,
	TASKS_LINK(TQ(task_launchd), &tasks),
	THREADS_3(thread_kernel_idle, thread_panic, thread_kernel_callout),
	.priority = 81, .max_priority = 95,
	.total_system_time = 0x2c6a1f00ULL,
	.bsd_info = &proc_kernel_task,
	.task_uniqueid = 0,
	.t_flags = TF_64B_ADDR | TF_64B_DATA,
};

struct task task_launchd = {
	USER_TASK(proc_launchd, 0, 1),
	TASKS_LINK(TQ(task_kextd), TQ(task_kernel)),
	THREADS_2(thread_launchd_main, thread_launchd_worker),
	.total_user_time = 0x01312d00ULL, .total_system_time = 0x02625a00ULL,
};

struct task task_kextd = {
	USER_TASK(proc_kextd, 1, 2),
	TASKS_LINK(TQ(task_usereventagent), TQ(task_launchd)),
	THREADS_1(thread_kextd),
};

struct task task_usereventagent = {
	USER_TASK(proc_usereventagent, 2, 3),
	TASKS_LINK(TQ(task_notifyd), TQ(task_kextd)),
	THREADS_1(thread_usereventagent),
};

struct task task_notifyd = {
	USER_TASK(proc_notifyd, 3, 4),
	TASKS_LINK(TQ(task_configd), TQ(task_usereventagent)),
	THREADS_1(thread_notifyd),
};

struct task task_configd = {
	USER_TASK(proc_configd, 4, 5),
	TASKS_LINK(TQ(task_mdnsresponder), TQ(task_notifyd)),
	THREADS_1(thread_configd),
};

struct task task_mdnsresponder = {
	USER_TASK(proc_mdnsresponder, 5, 6),
	TASKS_LINK(TQ(task_diskarbitrationd), TQ(task_configd)),
	THREADS_1(thread_mdnsresponder),
};

struct task task_diskarbitrationd = {
	USER_TASK(proc_diskarbitrationd, 6, 7),
	TASKS_LINK(TQ(task_loginwindow), TQ(task_mdnsresponder)),
	THREADS_1(thread_diskarbitrationd),
};

struct task task_loginwindow = {
	USER_TASK(proc_loginwindow, 7, 8),
	TASKS_LINK(TQ(task_windowserver), TQ(task_diskarbitrationd)),
	THREADS_1(thread_loginwindow),
};

struct task task_windowserver = {
	USER_TASK(proc_windowserver, 8, 9),
	TASKS_LINK(TQ(task_launchd_user), TQ(task_loginwindow)),
	THREADS_2(thread_windowserver_main, thread_windowserver_events),
	.total_user_time = 0x0bebc200ULL, .total_system_time = 0x05f5e100ULL,
};

struct task task_launchd_user = {
	USER_TASK(proc_launchd_user, 9, 10),
	TASKS_LINK(TQ(task_finder), TQ(task_windowserver)),
	THREADS_1(thread_launchd_user),
};

struct task task_finder = {
	USER_TASK(proc_finder, 10, 11),
	TASKS_LINK(TQ(task_qtkitserver), TQ(task_launchd_user)),
	THREADS_1(thread_finder),
};

struct task task_qtkitserver = {
	USER_TASK(proc_qtkitserver, 11, 12),
	TASKS_LINK(TQ(task_terminal), TQ(task_finder)),
	THREADS_1(thread_qtkitserver),
};

struct task task_terminal = {
	USER_TASK(proc_terminal, 12, 13),
	TASKS_LINK(TQ(task_login), TQ(task_qtkitserver)),
	THREADS_1(thread_terminal),
};

struct task task_login = {
	USER_TASK(proc_login, 13, 14),
	TASKS_LINK(TQ(task_bash), TQ(task_terminal)),
	THREADS_1(thread_login),
};

struct task task_bash = {
	USER_TASK(proc_bash, 14, 15),
	TASKS_LINK(TQ(task_xcodebuild), TQ(task_login)),
	THREADS_1(thread_bash),
};

struct task task_xcodebuild = {
	USER_TASK(proc_xcodebuild, 15, 16),
	TASKS_LINK(&tasks, TQ(task_bash)),
	THREADS_1(thread_xcodebuild),
};

/* count the threads by walking the queue (not trusting thread_count) */
__noinline int
task_threads_count(task_t task)
{
	queue_entry_t qe;
	int n = 0;

	if (task == TASK_NULL || queue_empty(&task->threads)) {
		return 0;
	}
	for (qe = queue_first(&task->threads);
	    !queue_end(&task->threads, qe);
	    qe = queue_next(qe)) {
		thread_t th = qe_element(qe, struct thread, task_threads);
		if (th->task != task) {
			break;          /* corrupt queue: stop counting */
		}
		n++;
	}
	return n;
}

void
task_reference(task_t task)
{
	if (task != TASK_NULL) {
		task->ref_count++;
	}
}

void
task_deallocate(task_t task)
{
	if (task == TASK_NULL) {
		return;
	}
	if (task->ref_count > 0 && --task->ref_count == 0) {
		task->active = FALSE;
		task->halting = TRUE;
		if (task->map != VM_MAP_NULL) {
			task->map->ref_count--;
		}
	}
}

task_t
task_for_uniqueid(uint64_t uniqueid)
{
	queue_entry_t qe;

	for (qe = queue_first(&tasks); !queue_end(&tasks, qe); qe = queue_next(qe)) {
		task_t t = qe_element(qe, struct task, tasks);
		if (t->task_uniqueid == uniqueid) {
			return t;
		}
	}
	return TASK_NULL;
}
