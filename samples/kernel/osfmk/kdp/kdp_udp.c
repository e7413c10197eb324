/*
 * hagfish miniature kernel -- the few KDP globals the low globals page
 * publishes to external debuggers.
 */
#include <mach/mach_types.h>

#define KDP_MAXPACKET   1460

struct kdp_manual_pkt {
	unsigned char   data[KDP_MAXPACKET];
	unsigned int    len;
	boolean_t       input;
};

int                     kdp_trans_off;
int                     kdp_read_io;
volatile int            flag_kdp_trigger_reboot;
struct kdp_manual_pkt   manual_pkt;
