/*
 * hagfish miniature kernel -- the BSD process structure.
 *
 * Modelled on the shape of XNU's struct proc (Lion era), heavily
 * simplified.  The first member is the allproc linkage, as in XNU, so an
 * analyzer can walk allproc with a fixed offset of 0.
 */
#ifndef _SYS_PROC_INTERNAL_H_
#define _SYS_PROC_INTERNAL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/time.h>
#include <sys/queue.h>

#define MAXCOMLEN       16              /* max command name kept in p_comm */

/* p_stat values */
#define SIDL            1               /* being created by fork */
#define SRUN            2               /* runnable */
#define SSLEEP          3               /* sleeping on an address */
#define SSTOP           4               /* stopped / being debugged */
#define SZOMB           5               /* waiting for the parent to reap it */

/* p_flag bits (a subset) */
#define P_CONTROLT      0x00000002      /* has a controlling terminal */
#define P_LP64          0x00000004      /* 64-bit address space */
#define P_SUGID         0x00000100      /* changed credentials since exec */
#define P_SYSTEM        0x00000200      /* system process, no signals */
#define P_EXEC          0x00004000      /* has called exec */

struct task;

struct proc {
	LIST_ENTRY(proc) p_list;        /* linkage on allproc (newest first) */

	pid_t           p_pid;          /* process id */
	pid_t           p_ppid;         /* parent's pid */
	struct proc    *p_pptr;         /* parent process */
	LIST_HEAD(, proc) p_children;   /* our children, newest first */
	LIST_ENTRY(proc) p_sibling;     /* linkage on the parent's p_children */
	void           *task;           /* the Mach task (struct task *) */

	pid_t           p_pgrpid;       /* process group */
	uid_t           p_uid;          /* effective credentials */
	gid_t           p_gid;
	uid_t           p_ruid;         /* real credentials */
	gid_t           p_rgid;
	uint64_t        p_uniqueid;     /* never reused, unlike p_pid */

	char            p_stat;         /* SIDL .. SZOMB */
	char            p_shutdownstate;
	char            p_kdebug;
	char            p_btrace;

	unsigned int    p_flag;         /* P_* flags */

	/* local state, kept as individual bits instead of a p_lflag word */
	unsigned int    p_lflag_exit:1;         /* exit in progress */
	unsigned int    p_lflag_traced:1;       /* ptrace attached */
	unsigned int    p_lflag_invfork:1;      /* child of vfork */
	unsigned int    p_lflag_term:1;         /* termination requested */
	unsigned int    p_lflag_refwait:1;      /* waiting for refs to drain */
	unsigned int    p_lflag_iopol:3;        /* disk I/O policy class */
	int             p_lflag_nice:6;         /* signed: cached nice value */
	unsigned int    p_lflag_spare:18;

	int             p_refcount;
	int             p_childrencnt;
	pid_t           p_oppid;        /* parent saved across ptrace */
	u_int           p_xstat;        /* exit status */

	struct timeval  p_start;        /* process start time */

	u_int           p_argslen;      /* length of the saved arguments */
	int             p_argc;
	user_addr_t     user_stack;     /* top of the user stack */

	u_char          p_priority;
	char            p_nice;

	char            p_comm[MAXCOMLEN + 1];          /* truncated name */
	char            p_name[(2 * MAXCOMLEN) + 1];    /* longer name */

	uint32_t        p_csflags;      /* code signing state */
	uint8_t         p_uuid[16];     /* LC_UUID of the main binary */
	int             p_idversion;
	uint64_t        p_dispatchqueue_offset;
};

LIST_HEAD(proclist, proc);

typedef struct proc *proc_t;
#define PROC_NULL       ((proc_t)0)

/* proc_iterate() selectors and callout results */
#define PROC_ALLPROCLIST        0x01
#define PROC_ZOMBPROCLIST       0x02

#define PROC_RETURNED           0
#define PROC_CLAIMED            1
#define PROC_RETURNED_DONE      2
#define PROC_CLAIMED_DONE       3

typedef int (*proc_iterate_fn_t)(proc_t p, void *arg);
typedef int (*proc_filter_fn_t)(proc_t p, void *arg);

__BEGIN_DECLS
extern struct proclist  allproc;
extern struct proclist  zombproc;
extern struct proc     *kernproc;
extern int              nprocs;

int     proc_iterate(unsigned int flags, proc_iterate_fn_t callout, void *arg,
            proc_filter_fn_t filterfn, void *filterarg);
proc_t  proc_find(pid_t pid);
int     proc_childcount(proc_t p);
int     proc_depth(proc_t p);
int     proc_selfpid(void);
__END_DECLS

/* p_stat helpers; proc_is_zombie() -> proc_stat_is() is a nested inline */
static inline int
proc_stat_is(const struct proc *p, int stat)
{
	return p->p_stat == stat;
}

static inline int
proc_is_zombie(const struct proc *p)
{
	return proc_stat_is(p, SZOMB);
}

static inline int
proc_is_system(const struct proc *p)
{
	return (p->p_flag & P_SYSTEM) != 0;
}

#endif /* _SYS_PROC_INTERNAL_H_ */
