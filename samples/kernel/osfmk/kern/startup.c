/*
 * hagfish miniature kernel -- the entry point.
 *
 * _start (Mach-O symbol __start) is the image's entry point.  Nothing here
 * ever runs -- the interesting state is in the static initializers -- but
 * _start references every subsystem so that all of it is reachable, and
 * kernel_bootstrap_thread is the outermost frame of the recorded panic
 * backtrace.
 */
#include <kern/startup.h>
#include <kern/debug.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kern/kext_alloc.h>
#include <mach/kmod.h>
#include <sys/proc_internal.h>
#include <sys/msgbuf.h>
#include <pexpert/pexpert.h>
#include <libkern/OSKextLib.h>
#include <vm/vm_map.h>

extern void layouts_touch(void);

unsigned int startup_phase;
int boot_proc_count;
int boot_user_proc_count;
int boot_kmod_count;
int boot_kernel_thread_count;
int boot_kext_failures;
unsigned int boot_loaded_kext_count;
const char *boot_newest_kext;

/* kexts the boot thread asks for, in order */
const char *const boot_kext_requests[] = {
	"com.apple.filesystems.hfs",
	"com.apple.driver.AppleHDA",
	NULL,
};

static int
count_proc(proc_t p, void *arg)
{
	int *count = arg;

	(void)p;
	(*count)++;
	return PROC_RETURNED;
}

static int
uid_is_user(proc_t p, void *arg)
{
	uid_t min_uid = *(uid_t *)arg;

	return p->p_uid >= min_uid;
}

void
kernel_bootstrap(void)
{
	uid_t first_user_uid = 500;
	int debug_flags = 0;

	startup_phase = 1;
	PE_init_platform(FALSE, &boot_args_store);
	if (PE_parse_boot_argn("debug", &debug_flags, sizeof(debug_flags))) {
		debug_mode = (unsigned int)debug_flags;
	}
	kext_alloc_init();

	startup_phase = 2;
	OSKextBootstrap();
	boot_loaded_kext_count = OSKextLoadedKextCount();
	boot_newest_kext = OSKextIdentifierForLoadTag(17);
	(void)proc_iterate(PROC_ALLPROCLIST, count_proc, &boot_proc_count, NULL, NULL);
	(void)proc_iterate(PROC_ALLPROCLIST | PROC_ZOMBPROCLIST, count_proc,
	    &boot_user_proc_count, uid_is_user, &first_user_uid);
	boot_kmod_count = kmod_count();
	boot_kernel_thread_count = task_threads_count(kernel_task);
	log_putc('\n');
	layouts_touch();
}

__noinline void
kernel_bootstrap_thread(void)
{
	unsigned int i;

	startup_phase = 3;
	for (i = 0; boot_kext_requests[i] != NULL; i++) {
		kern_return_t kr = kmod_load_request(boot_kext_requests[i]);
		if (kr != KERN_SUCCESS) {
			boot_kext_failures++;
			debug_puts("kernel_bootstrap_thread: kext load failed\n");
		}
	}
	if (proc_find(1) == PROC_NULL || thread_find_by_id(102) == THREAD_NULL) {
		panic("kernel_bootstrap_thread: no launchd");
	}
	(void)task_for_uniqueid(1);
	(void)proc_selfpid();
	(void)proc_childcount(kernproc);
	(void)proc_depth(proc_find(230));
	(void)kmod_lookupbyaddress(kmod->address);
	(void)vm_map_lookup_entry(kernel_map, VM_KERNEL_TEXT_BASE);
	OSKextTeardownUnloaded();
	startup_phase = 4;
	thread_block(NULL);
}

void
_start(void)
{
	kernel_bootstrap();
	kernel_bootstrap_thread();
	for (;;) {
		/* the boot cpu becomes the idle loop */
	}
}
