/*
 * hagfish miniature kernel -- loaded kernel module records.
 *
 * kmod_info_t has the member order of XNU's kmod_info and, like it, is
 * declared under 4-byte packing: on LP64 targets reference_list and the
 * fields after it are therefore only 4-byte aligned.
 */
#ifndef _MACH_KMOD_H_
#define _MACH_KMOD_H_

#include <sys/cdefs.h>
#include <mach/mach_types.h>

#define KMOD_MAX_NAME           64
#define KMOD_INFO_VERSION       1

struct kmod_info;
typedef kern_return_t kmod_start_func_t(struct kmod_info *ki, void *data);
typedef kern_return_t kmod_stop_func_t(struct kmod_info *ki, void *data);

#pragma pack(4)

/* "this kext links against that one" */
typedef struct kmod_reference {
	struct kmod_reference  *next;
	struct kmod_info       *info;
} kmod_reference_t;

typedef struct kmod_info {
	struct kmod_info       *next;           /* older kmod, or NULL */
	int32_t                 info_version;   /* KMOD_INFO_VERSION */
	uint32_t                id;             /* load tag */
	char                    name[KMOD_MAX_NAME];    /* bundle identifier */
	char                    version[KMOD_MAX_NAME]; /* CFBundleVersion */
	int32_t                 reference_count;        /* kexts linked against us */
	kmod_reference_t       *reference_list;         /* kexts we link against */
	vm_address_t            address;        /* load address */
	vm_size_t               size;           /* total size, wired */
	vm_size_t               hdr_size;       /* unwired header size */
	kmod_start_func_t      *start;
	kmod_stop_func_t       *stop;
} kmod_info_t;

#pragma pack()

__BEGIN_DECLS
extern kmod_info_t *kmod;              /* newest loaded kext first */

extern kmod_info_t kmod_info_corecrypto, kmod_info_iopcifamily,
    kmod_info_ioacpifamily, kmod_info_appleacpiplatform, kmod_info_applesmc,
    kmod_info_iostoragefamily, kmod_info_hfs, kmod_info_applehda;

kmod_info_t    *kmod_lookupbyname(const char *name);
kmod_info_t    *kmod_lookupbyaddress(vm_address_t addr);
int             kmod_count(void);
kern_return_t   kmod_load_request(const char *name);
kern_return_t   kmod_default_start(struct kmod_info *ki, void *data);
kern_return_t   kmod_default_stop(struct kmod_info *ki, void *data);
__END_DECLS

#endif /* _MACH_KMOD_H_ */
