/*
 * hagfish miniature kernel -- version strings, the panic log buffer,
 * panic() and Debugger().
 *
 * debug_buf already holds the log of the panic this image "died" of:
 * a vm_fault() on the kext range while kext_alloc() was placing
 * com.apple.driver.AppleHDA.  The hex addresses in the text are plausible
 * values only; the authoritative return addresses are the frame records
 * of thread_panic_stack (osfmk/kern/thread.c).
 *
 * panicstr points into debug_buf at the panic message proper
 * ("vm_fault: unresolved kernel page fault...", right after the opening
 * quote); debug_buf_ptr points at the terminating NUL of the log text.
 */
#include <kern/debug.h>
#include <kern/version.h>
#include <string.h>

const char version[] = HF_VERSION_STRING;
const char osrelease[] = HF_OSRELEASE;
const char ostype[] = HF_OSTYPE;
char osversion[16] = HF_OSVERSION;
const int version_major = HF_VERSION_MAJOR;
const int version_minor = HF_VERSION_MINOR;
const int version_revision = HF_VERSION_REVISION;

#define PANIC_HEAD      "panic(cpu 0 caller " HF_PTR("002c268d") "): \""
#define PANIC_MESSAGE   "vm_fault: unresolved kernel page fault"

#define PANIC_LOG_TEXT \
	PANIC_HEAD PANIC_MESSAGE "\"@/SourceCache/xnu/" HF_XNU_TAG "/osfmk/vm/vm_fault.c:4105\n" \
	"Backtrace (CPU 0), Frame : Return Address\n" \
	HF_PTR("a1d43a60") " : " HF_PTR("00220792") " \n" \
	HF_PTR("a1d43ae0") " : " HF_PTR("002c268d") " \n" \
	HF_PTR("a1d43b90") " : " HF_PTR("002b5f21") " \n" \
	HF_PTR("a1d43bd0") " : " HF_PTR("002a1c08") " \n" \
	HF_PTR("a1d43c60") " : " HF_PTR("005a3e7c") " \n" \
	HF_PTR("a1d43c80") " : " HF_PTR("005a41b3") " \n" \
	HF_PTR("a1d43cb0") " : " HF_PTR("00234a19") " \n" \
	"\n" \
	"BSD process name corresponding to current thread: kernel_task\n" \
	"\n" \
	"Mac OS version:\n" \
	HF_OSVERSION "\n" \
	"\n" \
	"Kernel version:\n" \
	HF_VERSION_STRING "\n" \
	"Kernel UUID: 4C4C4453-4A48-4649-5348-4B45524E454C\n" \
	"System model name: MacBookPro8,2 (Mac-94245A3940C91C80)\n" \
	"\n" \
	"System uptime in nanoseconds: 73651832951\n"

_Static_assert(sizeof(PANIC_LOG_TEXT) <= DEBUG_BUF_SIZE, "panic log fits");

char            debug_buf[DEBUG_BUF_SIZE] = PANIC_LOG_TEXT;
char           *debug_buf_ptr = debug_buf + sizeof(PANIC_LOG_TEXT) - 1;
unsigned int    debug_buf_size = sizeof(debug_buf);
const char     *panicstr = debug_buf + sizeof(PANIC_HEAD) - 1;
unsigned int    panic_is_inited = 1;
unsigned long   panic_caller;
unsigned int    debug_mode = 0x1;
unsigned int    panic_debugger_spins;
unsigned int    debugger_entry_count = 1;

void
debug_putc(char c)
{
	if (debug_buf_size != 0 &&
	    (unsigned int)(debug_buf_ptr - debug_buf) < debug_buf_size - 1) {
		*debug_buf_ptr++ = c;
		*debug_buf_ptr = '\0';
	}
}

void
debug_puts(const char *s)
{
	while (*s != '\0') {
		debug_putc(*s++);
	}
}

/*
 * Enter the (absent) kernel debugger: log why, then spin for a while in
 * case someone attaches.  Returns when the spin budget is exhausted.
 */
__noinline void
Debugger(const char *message)
{
	unsigned int spins;

	debugger_entry_count++;
	if (message != NULL && panicstr == NULL) {
		debug_puts("Debugger called: <");
		debug_puts(message);
		debug_puts(">\n");
	}
	for (spins = 0; spins < 1000 && (debug_mode & 0x1) != 0; spins++) {
		panic_debugger_spins++;
		if (debugger_entry_count > 8) {
			break;
		}
	}
}

__noinline void
panic(const char *str)
{
	panic_caller = (unsigned long)__builtin_return_address(0);
	if (panicstr != NULL) {
		debug_puts("panic: nested panic: ");
	} else {
		debug_puts("panic(cpu 0 caller ...): \"");
	}
	panicstr = str;
	panic_is_inited = 1;
	debug_puts(str);
	debug_puts("\"\n");
	Debugger("panic");
	for (;;) {
		/* a panicked cpu never leaves */
	}
}
