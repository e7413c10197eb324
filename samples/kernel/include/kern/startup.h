/*
 * hagfish miniature kernel -- boot entry points.
 */
#ifndef _KERN_STARTUP_H_
#define _KERN_STARTUP_H_

#include <sys/cdefs.h>
#include <mach/mach_types.h>

__BEGIN_DECLS
void    _start(void) __dead2;
void    kernel_bootstrap(void);
void    kernel_bootstrap_thread(void);
extern unsigned int startup_phase;
__END_DECLS

#endif /* _KERN_STARTUP_H_ */
