/*
 * hagfish miniature kernel -- the process table.
 *
 * The whole table is built by static initializers, so the linked image
 * already holds a "booted" system:
 *
 *   pid  ppid comm              uid  gid  children (newest first)
 *     0     0 kernel_task         0    0  1
 *     1     0 launchd             0    0  94 62 40 19 17 14 12 11 10
 *    10     1 kextd               0    0
 *    11     1 UserEventAgent      0    0
 *    12     1 notifyd             0    1
 *    14     1 configd             0    0
 *    17     1 mDNSResponder      65   65
 *    19     1 diskarbitrationd    0    0   (p_comm exactly 16 chars)
 *    40     1 loginwindow       501   20  195
 *    62     1 WindowServer       88   88
 *    94     1 launchd           501   20  115 97   (per-user launchd)
 *    97    94 Finder            501   20
 *   115    94 com.apple.qtkits  501   20   (p_name com.apple.qtkitserver)
 *   195    40 Terminal          501   20  201
 *   201   195 login               0   20  202   (ruid 501, setuid root)
 *   202   201 bash              501   20  230
 *   230   202 xcodebuild        501   20
 *
 * allproc is newest first, as fork() does LIST_INSERT_HEAD:
 *   230 202 201 195 115 97 94 62 40 19 17 14 12 11 10 1 0
 * kernel_task is its own parent (p_pptr == kernproc) but is on nobody's
 * p_children list; its p_sibling is empty.
 */
#include <sys/proc_internal.h>
#include <kern/task.h>
#include <kern/thread.h>

/* every proc, so the initializers below can point forward */
extern struct proc proc_kernel_task, proc_launchd, proc_kextd,
    proc_usereventagent, proc_notifyd, proc_configd, proc_mdnsresponder,
    proc_diskarbitrationd, proc_loginwindow, proc_windowserver,
    proc_launchd_user, proc_finder, proc_qtkitserver, proc_terminal,
    proc_login, proc_bash, proc_xcodebuild;

struct proclist allproc = { &proc_xcodebuild };
struct proclist zombproc = { NULL };
struct proc *kernproc = &proc_kernel_task;
int nprocs = 17;

#define BOOT_TIME       1329348042L     /* Wed Feb 15 23:20:42 UTC 2012 */

/* allproc linkage: next proc, and the slot that points at us */
#define ALLPROC(nextp, prevslot) \
	.p_list = { .le_next = (nextp), .le_prev = (prevslot) }
#define ALLPROC_AFTER(prevp)    (&(prevp).p_list.le_next)

/* parent's p_children linkage */
#define SIBLINGS(nextp, prevslot) \
	.p_sibling = { .le_next = (nextp), .le_prev = (prevslot) }
#define SIBLING_AFTER(prevp)    (&(prevp).p_sibling.le_next)
#define FIRST_CHILD_SLOT(parp)  (&(parp).p_children.lh_first)
#define CHILDREN(firstp)        .p_children = { .lh_first = (firstp) }
#define NO_CHILDREN             CHILDREN(NULL)

#define IDENT(pid, ppid, parp, comm, name) \
	.p_pid = (pid), .p_ppid = (ppid), .p_pptr = &(parp), \
	.p_comm = comm, .p_name = name
#define CREDS(uid, gid, ruid, rgid) \
	.p_uid = (uid), .p_gid = (gid), .p_ruid = (ruid), .p_rgid = (rgid)
#define STARTED(secs, usecs) \
	.p_start = { .tv_sec = BOOT_TIME + (secs), .tv_usec = (usecs) }
#define UUID_OF(n) \
	.p_uuid = { 0x48, 0x46, 0x49, 0x53, 0x48, 0x00, 0x4b, 0x45, \
	            0x52, 0x4e, 0x00, 0x00, 0x00, 0x00, 0x00, (n) }

#define USER_STACK      0x00007fff5fc00000ULL
#define USER_FLAGS      (P_LP64 | P_EXEC)

struct proc proc_kernel_task = {
	ALLPROC(NULL, ALLPROC_AFTER(proc_launchd)),
	IDENT(0, 0, proc_kernel_task, "kernel_task", "kernel_task"),
	CHILDREN(&proc_launchd),
	SIBLINGS(NULL, NULL),
	.task = &task_kernel,
	.p_pgrpid = 0,
	CREDS(0, 0, 0, 0),
	.p_uniqueid = 0,
	.p_stat = SRUN,
	.p_flag = P_SYSTEM,
	.p_refcount = 1,
	STARTED(0, 0),
	.p_priority = 0,
	UUID_OF(0),
};

struct proc proc_launchd = {
	ALLPROC(&proc_kernel_task, ALLPROC_AFTER(proc_kextd)),
	IDENT(1, 0, proc_kernel_task, "launchd", "launchd"),
	CHILDREN(&proc_launchd_user),
	SIBLINGS(NULL, FIRST_CHILD_SLOT(proc_kernel_task)),
	.task = &task_launchd,
	.p_pgrpid = 1,
	CREDS(0, 0, 0, 0),
	.p_uniqueid = 1,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(1, 250000),
	.p_argslen = 15, .p_argc = 1, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(1),
	.p_idversion = 1,
};

struct proc proc_kextd = {
	ALLPROC(&proc_launchd, ALLPROC_AFTER(proc_usereventagent)),
	IDENT(10, 1, proc_launchd, "kextd", "kextd"),
	NO_CHILDREN,
	SIBLINGS(NULL, SIBLING_AFTER(proc_usereventagent)),
	.task = &task_kextd,
	.p_pgrpid = 10,
	CREDS(0, 0, 0, 0),
	.p_uniqueid = 2,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(3, 10000),
	.p_argslen = 22, .p_argc = 1, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(10),
	.p_idversion = 2,
};

struct proc proc_usereventagent = {
	ALLPROC(&proc_kextd, ALLPROC_AFTER(proc_notifyd)),
	IDENT(11, 1, proc_launchd, "UserEventAgent", "UserEventAgent"),
	NO_CHILDREN,
	SIBLINGS(&proc_kextd, SIBLING_AFTER(proc_notifyd)),
	.task = &task_usereventagent,
	.p_pgrpid = 11,
	CREDS(0, 0, 0, 0),
	.p_uniqueid = 3,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(3, 20000),
	.p_argslen = 60, .p_argc = 2, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(11),
	.p_idversion = 3,
};

struct proc proc_notifyd = {
	ALLPROC(&proc_usereventagent, ALLPROC_AFTER(proc_configd)),
	IDENT(12, 1, proc_launchd, "notifyd", "notifyd"),
	NO_CHILDREN,
	SIBLINGS(&proc_usereventagent, SIBLING_AFTER(proc_configd)),
	.task = &task_notifyd,
	.p_pgrpid = 12,
	CREDS(0, 1, 0, 1),
	.p_uniqueid = 4,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(3, 30000),
	.p_argslen = 24, .p_argc = 1, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(12),
	.p_idversion = 4,
};

struct proc proc_configd = {
	ALLPROC(&proc_notifyd, ALLPROC_AFTER(proc_mdnsresponder)),
	IDENT(14, 1, proc_launchd, "configd", "configd"),
	NO_CHILDREN,
	SIBLINGS(&proc_notifyd, SIBLING_AFTER(proc_mdnsresponder)),
	.task = &task_configd,
	.p_pgrpid = 14,
	CREDS(0, 0, 0, 0),
	.p_uniqueid = 5,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(3, 40000),
	.p_argslen = 24, .p_argc = 1, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(14),
	.p_idversion = 5,
};

struct proc proc_mdnsresponder = {
	ALLPROC(&proc_configd, ALLPROC_AFTER(proc_diskarbitrationd)),
	IDENT(17, 1, proc_launchd, "mDNSResponder", "mDNSResponder"),
	NO_CHILDREN,
	SIBLINGS(&proc_configd, SIBLING_AFTER(proc_diskarbitrationd)),
	.task = &task_mdnsresponder,
	.p_pgrpid = 17,
	CREDS(65, 65, 65, 65),
	.p_uniqueid = 6,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(4, 0),
	.p_argslen = 40, .p_argc = 2, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(17),
	.p_idversion = 6,
};

struct proc proc_diskarbitrationd = {
	ALLPROC(&proc_mdnsresponder, ALLPROC_AFTER(proc_loginwindow)),
	IDENT(19, 1, proc_launchd, "diskarbitrationd", "diskarbitrationd"),
	NO_CHILDREN,
	SIBLINGS(&proc_mdnsresponder, SIBLING_AFTER(proc_loginwindow)),
	.task = &task_diskarbitrationd,
	.p_pgrpid = 19,
	CREDS(0, 0, 0, 0),
	.p_uniqueid = 7,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(4, 500000),
	.p_argslen = 40, .p_argc = 1, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(19),
	.p_idversion = 7,
};

struct proc proc_loginwindow = {
	ALLPROC(&proc_diskarbitrationd, ALLPROC_AFTER(proc_windowserver)),
	IDENT(40, 1, proc_launchd, "loginwindow", "loginwindow"),
	CHILDREN(&proc_terminal),
	SIBLINGS(&proc_diskarbitrationd, SIBLING_AFTER(proc_windowserver)),
	.task = &task_loginwindow,
	.p_pgrpid = 40,
	CREDS(501, 20, 501, 20),
	.p_uniqueid = 8,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(9, 0),
	.p_argslen = 90, .p_argc = 2, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(40),
	.p_idversion = 8,
};

struct proc proc_windowserver = {
	ALLPROC(&proc_loginwindow, ALLPROC_AFTER(proc_launchd_user)),
	IDENT(62, 1, proc_launchd, "WindowServer", "WindowServer"),
	NO_CHILDREN,
	SIBLINGS(&proc_loginwindow, SIBLING_AFTER(proc_launchd_user)),
	.task = &task_windowserver,
	.p_pgrpid = 62,
	CREDS(88, 88, 88, 88),
	.p_uniqueid = 9,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	.p_lflag_iopol = 1,
	.p_lflag_nice = -5,
	STARTED(10, 0),
	.p_argslen = 120, .p_argc = 2, .user_stack = USER_STACK,
	.p_nice = -5,
	.p_csflags = 0x1,
	UUID_OF(62),
	.p_idversion = 9,
};

struct proc proc_launchd_user = {
	ALLPROC(&proc_windowserver, ALLPROC_AFTER(proc_finder)),
	IDENT(94, 1, proc_launchd, "launchd", "launchd"),
	CHILDREN(&proc_qtkitserver),
	SIBLINGS(&proc_windowserver, FIRST_CHILD_SLOT(proc_launchd)),
	.task = &task_launchd_user,
	.p_pgrpid = 94,
	CREDS(501, 20, 501, 20),
	.p_uniqueid = 10,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(14, 0),
	.p_argslen = 15, .p_argc = 1, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(94),
	.p_idversion = 10,
};

struct proc proc_finder = {
	ALLPROC(&proc_launchd_user, ALLPROC_AFTER(proc_qtkitserver)),
	IDENT(97, 94, proc_launchd_user, "Finder", "Finder"),
	NO_CHILDREN,
	SIBLINGS(NULL, SIBLING_AFTER(proc_qtkitserver)),
	.task = &task_finder,
	.p_pgrpid = 97,
	CREDS(501, 20, 501, 20),
	.p_uniqueid = 11,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	.p_lflag_iopol = 2,
	STARTED(15, 0),
	.p_argslen = 70, .p_argc = 2, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(97),
	.p_idversion = 11,
};

struct proc proc_qtkitserver = {
	ALLPROC(&proc_finder, ALLPROC_AFTER(proc_terminal)),
	IDENT(115, 94, proc_launchd_user, "com.apple.qtkits", "com.apple.qtkitserver"),
	NO_CHILDREN,
	SIBLINGS(&proc_finder, FIRST_CHILD_SLOT(proc_launchd_user)),
	.task = &task_qtkitserver,
	.p_pgrpid = 115,
	CREDS(501, 20, 501, 20),
	.p_uniqueid = 12,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(21, 0),
	.p_argslen = 110, .p_argc = 3, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(115),
	.p_idversion = 12,
};

struct proc proc_terminal = {
	ALLPROC(&proc_qtkitserver, ALLPROC_AFTER(proc_login)),
	IDENT(195, 40, proc_loginwindow, "Terminal", "Terminal"),
	CHILDREN(&proc_login),
	SIBLINGS(NULL, FIRST_CHILD_SLOT(proc_loginwindow)),
	.task = &task_terminal,
	.p_pgrpid = 195,
	CREDS(501, 20, 501, 20),
	.p_uniqueid = 13,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS,
	STARTED(64, 0),
	.p_argslen = 80, .p_argc = 2, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(195),
	.p_idversion = 13,
};

struct proc proc_login = {
	ALLPROC(&proc_terminal, ALLPROC_AFTER(proc_bash)),
	IDENT(201, 195, proc_terminal, "login", "login"),
	CHILDREN(&proc_bash),
	SIBLINGS(NULL, FIRST_CHILD_SLOT(proc_terminal)),
	.task = &task_login,
	.p_pgrpid = 201,
	CREDS(0, 20, 501, 20),
	.p_uniqueid = 14,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS | P_CONTROLT | P_SUGID,
	STARTED(65, 0),
	.p_argslen = 30, .p_argc = 4, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(201),
	.p_idversion = 14,
};

struct proc proc_bash = {
	ALLPROC(&proc_login, ALLPROC_AFTER(proc_xcodebuild)),
	IDENT(202, 201, proc_login, "bash", "bash"),
	CHILDREN(&proc_xcodebuild),
	SIBLINGS(NULL, FIRST_CHILD_SLOT(proc_login)),
	.task = &task_bash,
	.p_pgrpid = 202,
	CREDS(501, 20, 501, 20),
	.p_uniqueid = 15,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS | P_CONTROLT,
	STARTED(65, 400000),
	.p_argslen = 6, .p_argc = 1, .user_stack = USER_STACK,
	.p_csflags = 0x1,
	UUID_OF(202),
	.p_idversion = 15,
};

struct proc proc_xcodebuild = {
	ALLPROC(&proc_bash, &allproc.lh_first),
	IDENT(230, 202, proc_bash, "xcodebuild", "xcodebuild"),
	NO_CHILDREN,
	SIBLINGS(NULL, FIRST_CHILD_SLOT(proc_bash)),
	.task = &task_xcodebuild,
	.p_pgrpid = 230,
	CREDS(501, 20, 501, 20),
	.p_uniqueid = 16,
	.p_stat = SRUN,
	.p_flag = USER_FLAGS | P_CONTROLT,
	.p_lflag_nice = 10,
	STARTED(300, 0),
	.p_argslen = 48, .p_argc = 3, .user_stack = USER_STACK,
	.p_nice = 10,
	.p_csflags = 0x1,
	UUID_OF(230),
	.p_idversion = 16,
};

/*
 * Walk allproc (and/or zombproc), offering each process that passes the
 * filter to the callout.  The callout's return value can stop the walk.
 */
__noinline int
proc_iterate(unsigned int flags, proc_iterate_fn_t callout, void *arg,
    proc_filter_fn_t filterfn, void *filterarg)
{
	struct proc *p;
	int visited = 0;

	if (flags & PROC_ALLPROCLIST) {
		LIST_FOREACH(p, &allproc, p_list) {
			if (proc_is_zombie(p)) {
				continue;
			}
			if (filterfn != NULL && filterfn(p, filterarg) == 0) {
				continue;
			}
			visited++;
			switch (callout(p, arg)) {
			case PROC_RETURNED_DONE:
			case PROC_CLAIMED_DONE:
				return visited;
			default:
				break;
			}
		}
	}
	if (flags & PROC_ZOMBPROCLIST) {
		LIST_FOREACH(p, &zombproc, p_list) {
			visited++;
			if (callout(p, arg) >= PROC_RETURNED_DONE) {
				break;
			}
		}
	}
	return visited;
}

proc_t
proc_find(pid_t pid)
{
	struct proc *p;

	LIST_FOREACH(p, &allproc, p_list) {
		if (p->p_pid == pid && !proc_is_zombie(p)) {
			return p;
		}
	}
	return PROC_NULL;
}

int
proc_childcount(proc_t p)
{
	struct proc *child;
	int n = 0;

	LIST_FOREACH(child, &p->p_children, p_sibling) {
		n++;
	}
	return n;
}

/* distance from kernproc: kernel_task 0, launchd 1, ... */
int
proc_depth(proc_t p)
{
	int depth = 0;

	while (p != NULL && p != kernproc && depth < nprocs) {
		p = p->p_pptr;
		depth++;
	}
	return depth;
}

int
proc_selfpid(void)
{
	thread_t th = current_thread();
	struct proc *p;

	if (th == THREAD_NULL || th->task == TASK_NULL) {
		return -1;
	}
	p = th->task->bsd_info;
	if (p == NULL || proc_is_system(p)) {
		return 0;
	}
	return p->p_pid;
}
