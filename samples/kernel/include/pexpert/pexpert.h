/*
 * hagfish miniature kernel -- platform expert state.
 */
#ifndef _PEXPERT_PEXPERT_H_
#define _PEXPERT_PEXPERT_H_

#include <sys/cdefs.h>
#include <mach/mach_types.h>
#include <pexpert/boot.h>

struct PE_Video {
	unsigned long   v_baseAddr;     /* frame buffer base */
	unsigned long   v_rowBytes;
	unsigned long   v_width;
	unsigned long   v_height;
	unsigned long   v_depth;
	unsigned long   v_display;      /* text or graphics */
	char            v_pixelFormat[64];
	unsigned long   v_offset;
	unsigned long   v_length;
	unsigned char   v_rotate;
	unsigned char   v_scale;
	char            reserved1[2];
	long            reserved2;
};
typedef struct PE_Video PE_Video;

typedef struct PE_state {
	boolean_t       initialized;
	PE_Video        video;
	void           *deviceTreeHead;
	boot_args      *bootArgs;       /* typed here; XNU declares void * */
} PE_state_t;

__BEGIN_DECLS
extern PE_state_t       PE_state;
extern boot_args        boot_args_store;
extern EfiMemoryRange   efi_memory_map[];

void            PE_init_platform(boolean_t vm_initialized, void *args);
char           *PE_boot_args(void);
boolean_t       PE_parse_boot_argn(const char *arg_string, void *arg_ptr, int max_len);
__END_DECLS

#endif /* _PEXPERT_PEXPERT_H_ */
