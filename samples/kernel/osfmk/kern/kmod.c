/*
 * hagfish miniature kernel -- the kmod_info list of loaded kexts.
 *
 * 'kmod' points at the newest loaded kext; each record's 'next' is the
 * one loaded before it:
 *
 *   tag  bundle identifier                    version   address offset  size
 *    17  com.apple.filesystems.hfs            1.0       0x00d80000      0x80000
 *    16  com.apple.iokit.IOStorageFamily      1.7       0x00800000      0x30000
 *    15  com.apple.driver.AppleSMC            3.1.1d8   0x00600000      0x14000
 *    14  com.apple.driver.AppleACPIPlatform   1.4       0x00400000      0x4c000
 *    13  com.apple.iokit.IOACPIFamily         1.4       0x00300000      0x08000
 *    12  com.apple.iokit.IOPCIFamily          2.6.8     0x00200000      0x2c000
 *    11  com.apple.kec.corecrypto             1.0       0x00100000      0x2c000
 *
 * Address = KEXT_REGION_BASE + offset (0xffffff7f80000000 on x86_64,
 * 0xfffffe0009200000 on arm64, 0x5a000000 on i386).
 * kmod_info_applehda (com.apple.driver.AppleHDA 2.1.7f9) is NOT on the
 * list: it is the kext whose load was in progress at the panic.
 */
#include <mach/kmod.h>
#include <mach/vm_param.h>
#include <libkern/OSKextLib.h>
#include <string.h>

unsigned int kmod_started_count;
unsigned int kmod_load_requests_ok;
unsigned int kmod_load_requests_failed;

/* who links against whom */
kmod_reference_t kmod_ref_acpiplatform_pci = { NULL, &kmod_info_iopcifamily };
kmod_reference_t kmod_ref_acpiplatform_acpi = { &kmod_ref_acpiplatform_pci,
	                                         &kmod_info_ioacpifamily };
kmod_reference_t kmod_ref_applesmc_acpi = { NULL, &kmod_info_ioacpifamily };
kmod_reference_t kmod_ref_hfs_storage = { NULL, &kmod_info_iostoragefamily };

static kmod_start_func_t hfs_module_start;
static kmod_stop_func_t hfs_module_stop;
kmod_start_func_t AppleSMC_start;
kmod_stop_func_t AppleSMC_stop;
kmod_start_func_t AppleHDA_start;

#define KMOD(nextp, tag, ident, vers, refs, reflist, off, sz, startfn, stopfn) { \
	.next = (nextp), .info_version = KMOD_INFO_VERSION, .id = (tag),     \
	.name = ident, .version = vers,                                      \
	.reference_count = (refs), .reference_list = (reflist),              \
	.address = KEXT_ADDR(off), .size = (sz), .hdr_size = 0,              \
	.start = (startfn), .stop = (stopfn) }

kmod_info_t kmod_info_corecrypto = KMOD(NULL, 11,
    "com.apple.kec.corecrypto", "1.0", 0, NULL,
    0x00100000, 0x2c000, kmod_default_start, kmod_default_stop);

kmod_info_t kmod_info_iopcifamily = KMOD(&kmod_info_corecrypto, 12,
    "com.apple.iokit.IOPCIFamily", "2.6.8", 1, NULL,
    0x00200000, 0x2c000, kmod_default_start, kmod_default_stop);

kmod_info_t kmod_info_ioacpifamily = KMOD(&kmod_info_iopcifamily, 13,
    "com.apple.iokit.IOACPIFamily", "1.4", 2, NULL,
    0x00300000, 0x08000, kmod_default_start, kmod_default_stop);

kmod_info_t kmod_info_appleacpiplatform = KMOD(&kmod_info_ioacpifamily, 14,
    "com.apple.driver.AppleACPIPlatform", "1.4", 0, &kmod_ref_acpiplatform_acpi,
    0x00400000, 0x4c000, kmod_default_start, kmod_default_stop);

kmod_info_t kmod_info_applesmc = KMOD(&kmod_info_appleacpiplatform, 15,
    "com.apple.driver.AppleSMC", "3.1.1d8", 0, &kmod_ref_applesmc_acpi,
    0x00600000, 0x14000, AppleSMC_start, AppleSMC_stop);

kmod_info_t kmod_info_iostoragefamily = KMOD(&kmod_info_applesmc, 16,
    "com.apple.iokit.IOStorageFamily", "1.7", 1, NULL,
    0x00800000, 0x30000, kmod_default_start, kmod_default_stop);

kmod_info_t kmod_info_hfs = KMOD(&kmod_info_iostoragefamily, 17,
    "com.apple.filesystems.hfs", "1.0", 0, &kmod_ref_hfs_storage,
    0x00d80000, 0x80000, hfs_module_start, hfs_module_stop);

/* the kext being loaded when the kernel panicked: not yet on the list */
kmod_info_t kmod_info_applehda = {
	.next = NULL, .info_version = KMOD_INFO_VERSION, .id = 0,
	.name = "com.apple.driver.AppleHDA", .version = "2.1.7f9",
	.reference_count = 0, .reference_list = NULL,
	.address = 0, .size = 0x000a8000, .hdr_size = 0,
	.start = AppleHDA_start, .stop = kmod_default_stop,
};

kmod_info_t *kmod = &kmod_info_hfs;

kmod_info_t *
kmod_lookupbyname(const char *name)
{
	kmod_info_t *k;

	for (k = kmod; k != NULL; k = k->next) {
		if (strncmp(k->name, name, KMOD_MAX_NAME) == 0) {
			return k;
		}
	}
	return NULL;
}

kmod_info_t *
kmod_lookupbyaddress(vm_address_t addr)
{
	kmod_info_t *k;

	for (k = kmod; k != NULL; k = k->next) {
		if (addr >= k->address && addr - k->address < k->size) {
			return k;
		}
	}
	return NULL;
}

int
kmod_count(void)
{
	kmod_info_t *k;
	int n = 0;

	for (k = kmod; k != NULL && n < 1024; k = k->next) {
		n++;
	}
	return n;
}

kern_return_t
kmod_default_start(struct kmod_info *ki, void *data)
{
	(void)data;
	if (ki == NULL || ki->info_version != KMOD_INFO_VERSION) {
		return KERN_INVALID_ARGUMENT;
	}
	if (ki->address == 0 || ki->size == 0) {
		return KERN_FAILURE;
	}
	kmod_started_count++;
	return KERN_SUCCESS;
}

kern_return_t
kmod_default_stop(struct kmod_info *ki, void *data)
{
	(void)data;
	if (ki == NULL) {
		return KERN_INVALID_ARGUMENT;
	}
	if (ki->reference_count > 0) {
		return KERN_FAILURE;    /* someone still links against us */
	}
	if (kmod_started_count > 0) {
		kmod_started_count--;
	}
	return KERN_SUCCESS;
}

static kern_return_t
hfs_module_start(struct kmod_info *ki, void *data)
{
	kmod_reference_t *ref;

	/* refuse to start unless every dependency is on the kmod list */
	for (ref = ki->reference_list; ref != NULL; ref = ref->next) {
		if (kmod_lookupbyname(ref->info->name) == NULL) {
			return KERN_FAILURE;
		}
	}
	return kmod_default_start(ki, data);
}

static kern_return_t
hfs_module_stop(struct kmod_info *ki, void *data)
{
	return kmod_default_stop(ki, data);
}

kern_return_t
AppleSMC_start(struct kmod_info *ki, void *data)
{
	kmod_info_t *acpi = kmod_lookupbyname("com.apple.driver.AppleACPIPlatform");

	if (acpi == NULL || acpi->address == 0) {
		return KERN_FAILURE;
	}
	return kmod_default_start(ki, data);
}

kern_return_t
AppleSMC_stop(struct kmod_info *ki, void *data)
{
	return kmod_default_stop(ki, data);
}

/*
 * AppleHDA's start routine as a kext developer leaves it while debugging:
 * it traps into the debugger first (int3 on x86, brk #0xf000 on arm64),
 * so `x/11i` at the trap shows it as the first instruction.
 */
kern_return_t
AppleHDA_start(struct kmod_info *ki, void *data)
{
	__builtin_debugtrap();
	return kmod_default_start(ki, data);
}

/*
 * A load request from the boot thread: already loaded is success, a
 * resource shortage is retried once, anything else fails.
 */
__noinline kern_return_t
kmod_load_request(const char *name)
{
	int attempt;
	OSReturn r = kOSReturnError;

	if (name == NULL || name[0] == '\0') {
		return KERN_INVALID_ARGUMENT;
	}
	if (kmod_lookupbyname(name) != NULL) {
		return KERN_SUCCESS;
	}
	for (attempt = 0; attempt < 2; attempt++) {
		r = OSKextLoadKextWithIdentifier(name);
		if (r == kOSReturnSuccess) {
			kmod_load_requests_ok++;
			return KERN_SUCCESS;
		}
		if (r != kOSKextReturnNoResources) {
			break;
		}
	}
	kmod_load_requests_failed++;
	return r == kOSKextReturnNotFound ? KERN_NOT_FOUND : KERN_FAILURE;
}
