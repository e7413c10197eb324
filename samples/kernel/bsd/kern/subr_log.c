/*
 * hagfish miniature kernel -- the kernel message buffer.
 *
 * smsg_bufc already contains the boot log of this image; msg_bufx (the
 * write index) is the length of that text, msg_bufr (the read index) is 0:
 * nothing has been read by syslogd yet.
 */
#include <sys/msgbuf.h>
#include <kern/version.h>

#define MSGBUF_TEXT \
	HF_VERSION_STRING "\n" \
	"vm_page_bootstrap: 987340 free pages and 53556 wired pages\n" \
	"kext submap [" HF_KEXT_PTR("80000000") " - " HF_PTR("00000000") "], " \
	"kernel text [" HF_PTR("00200000") " - " HF_PTR("00800000") "]\n" \
	"zone leak detection enabled\n" \
	"standard timeslicing quantum is 10000 us\n" \
	"standard background quantum is 2500 us\n" \
	"mig_table_max_displ = 72\n" \
	"corecrypto kext started!\n" \
	"AppleACPICPU: ProcessorId=0 LocalApicId=0 Enabled\n" \
	"AppleACPICPU: ProcessorId=1 LocalApicId=2 Enabled\n" \
	"AppleACPICPU: ProcessorId=2 LocalApicId=4 Enabled\n" \
	"AppleACPICPU: ProcessorId=3 LocalApicId=6 Enabled\n" \
	"calling mpo_policy_init for TMSafetyNet\n" \
	"Security policy loaded: Safety net for Time Machine (TMSafetyNet)\n" \
	"kext_alloc: allocated 0x80000 bytes at " HF_KEXT_PTR("80d80000") \
	" for com.apple.filesystems.hfs\n" \
	"AppleSMC: SMC version 1.69f4\n" \
	"kext_alloc: wiring 0xa8000 bytes at " HF_KEXT_PTR("80e00000") \
	" for com.apple.driver.AppleHDA\n" \
	"panic(cpu 0 caller " HF_PTR("002c268d") "): \"vm_fault: unresolved kernel page fault\"" \
	"@/SourceCache/xnu/" HF_XNU_TAG "/osfmk/vm/vm_fault.c:4105\n" \
	"Debugger called: <panic>\n"

_Static_assert(sizeof(MSGBUF_TEXT) <= MSG_BSIZE, "boot log fits");

char smsg_bufc[MSG_BSIZE] = MSGBUF_TEXT;

struct msgbuf msgbuf = {
	.msg_magic = MSG_MAGIC,
	.msg_size = sizeof(smsg_bufc),
	.msg_bufx = sizeof(MSGBUF_TEXT) - 1,
	.msg_bufr = 0,
	.msg_bufc = smsg_bufc,
};

struct msgbuf *msgbufp = &msgbuf;

static inline int
msgbuf_valid(const struct msgbuf *mbp)
{
	return mbp->msg_magic == MSG_MAGIC && mbp->msg_size > 0 &&
	       mbp->msg_bufx >= 0 && mbp->msg_bufx < mbp->msg_size;
}

/* append one character, wrapping around; push the reader if overrun */
void
log_putc(char c)
{
	struct msgbuf *mbp = msgbufp;

	if (!msgbuf_valid(mbp)) {
		return;
	}
	mbp->msg_bufc[mbp->msg_bufx++] = c;
	if (mbp->msg_bufx >= mbp->msg_size) {
		mbp->msg_bufx = 0;
	}
	if (mbp->msg_bufx == mbp->msg_bufr) {
		mbp->msg_bufr++;
		if (mbp->msg_bufr >= mbp->msg_size) {
			mbp->msg_bufr = 0;
		}
	}
}

/* copy out what has not been read yet (the dmesg path); returns a count */
int
log_dmesg_copy(char *dst, int len)
{
	struct msgbuf *mbp = msgbufp;
	int n = 0;
	int r;

	if (!msgbuf_valid(mbp) || dst == 0 || len <= 0) {
		return 0;
	}
	for (r = mbp->msg_bufr; r != mbp->msg_bufx && n < len - 1; ) {
		dst[n++] = mbp->msg_bufc[r];
		if (++r >= mbp->msg_size) {
			r = 0;
		}
	}
	dst[n] = '\0';
	return n;
}
