/*
 * hagfish miniature kernel -- per architecture build identity.
 * Used by osfmk/kern/debug.c (version[] etc.) and by the canned
 * message buffer / panic log text.
 */
#ifndef _KERN_VERSION_H_
#define _KERN_VERSION_H_

#if defined(__x86_64__)
#define HF_VERSION_STRING \
	"Darwin Kernel Version 11.3.0: Thu Jan 12 18:47:41 PST 2012; root:xnu-1699.24.23~1/RELEASE_X86_64"
#define HF_XNU_TAG          "xnu-1699.24.23"
#define HF_OSRELEASE        "11.3.0"
#define HF_OSVERSION        "11D50"
#define HF_VERSION_MAJOR    11
#define HF_VERSION_MINOR    3
#define HF_VERSION_REVISION 0
#define HF_PTR(lit)         "0xffffff80" lit        /* lit: low 8 hex digits */
#define HF_KEXT_PTR(lit)    "0xffffff7f" lit
#elif defined(__arm64__)
#define HF_VERSION_STRING \
	"Darwin Kernel Version 22.1.0: Sun Oct  9 20:15:09 PDT 2022; root:xnu-8792.41.9~2/RELEASE_ARM64_T8103"
#define HF_XNU_TAG          "xnu-8792.41.9"
#define HF_OSRELEASE        "22.1.0"
#define HF_OSVERSION        "22A380"
#define HF_VERSION_MAJOR    22
#define HF_VERSION_MINOR    1
#define HF_VERSION_REVISION 0
#define HF_PTR(lit)         "0xfffffe00" lit        /* lit: low 8 hex digits */
#define HF_KEXT_PTR(lit)    "0xfffffe00" lit
#elif defined(__i386__)
#define HF_VERSION_STRING \
	"Darwin Kernel Version 10.8.0: Tue Jun  7 16:33:36 PDT 2011; root:xnu-1504.15.3~1/RELEASE_I386"
#define HF_XNU_TAG          "xnu-1504.15.3"
#define HF_OSRELEASE        "10.8.0"
#define HF_OSVERSION        "10K549"
#define HF_VERSION_MAJOR    10
#define HF_VERSION_MINOR    8
#define HF_VERSION_REVISION 0
#define HF_PTR(lit)         "0x" lit
#define HF_KEXT_PTR(lit)    "0x" lit
#else
#error "unsupported architecture"
#endif

#define HF_OSTYPE           "Darwin"

#endif /* _KERN_VERSION_H_ */
