/*
 * hagfish miniature kernel -- compiler glue macros.
 * Written for the hagfish test fixtures; loosely follows the spirit of
 * BSD <sys/cdefs.h> but contains only what this tree needs.
 */
#ifndef _SYS_CDEFS_H_
#define _SYS_CDEFS_H_

#ifdef __cplusplus
#define __BEGIN_DECLS   extern "C" {
#define __END_DECLS     }
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#define __dead2             __attribute__((__noreturn__))
#define __used              __attribute__((__used__))
#define __unused            __attribute__((__unused__))
#define __noinline          __attribute__((__noinline__))
#define __always_inline     __attribute__((__always_inline__))
#define __section(s)        __attribute__((__section__(s)))
#define __aligned(x)        __attribute__((__aligned__(x)))
#define __packed            __attribute__((__packed__))

#define __hf_countof(a)     (sizeof(a) / sizeof((a)[0]))

#endif /* _SYS_CDEFS_H_ */
