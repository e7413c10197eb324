/*
 * hagfish miniature kernel -- panic, the debugger hook and the version
 * strings.
 */
#ifndef _KERN_DEBUG_H_
#define _KERN_DEBUG_H_

#include <sys/cdefs.h>
#include <mach/mach_types.h>

#define DEBUG_BUF_SIZE  4096

__BEGIN_DECLS
extern const char       version[];
extern const char       osrelease[];
extern const char       ostype[];
extern char             osversion[];
extern const int        version_major;
extern const int        version_minor;
extern const int        version_revision;

extern char             debug_buf[DEBUG_BUF_SIZE];
extern char            *debug_buf_ptr;
extern unsigned int     debug_buf_size;
extern const char      *panicstr;
extern unsigned int     panic_is_inited;
extern unsigned long    panic_caller;
extern unsigned int     debug_mode;

void    panic(const char *str) __dead2;
void    Debugger(const char *message);
void    debug_putc(char c);
void    debug_puts(const char *s);
__END_DECLS

#endif /* _KERN_DEBUG_H_ */
