/*
 * hagfish miniature kernel -- the C face of the C++ kext manager.
 */
#ifndef _LIBKERN_OSKEXTLIB_H_
#define _LIBKERN_OSKEXTLIB_H_

#include <sys/cdefs.h>
#include <stdint.h>

typedef int     OSReturn;

#define kOSReturnSuccess                0
#define kOSReturnError                  ((OSReturn)0xdc000001)
#define kOSKextReturnNotFound           ((OSReturn)0xdc008010)
#define kOSKextReturnNoResources        ((OSReturn)0xdc008004)
#define kOSKextReturnStartStopError     ((OSReturn)0xdc008018)

__BEGIN_DECLS
void            OSKextBootstrap(void);
OSReturn        OSKextLoadKextWithIdentifier(const char *kextIdentifier);
unsigned int    OSKextLoadedKextCount(void);
const char     *OSKextIdentifierForLoadTag(uint32_t loadTag);
void            OSKextTeardownUnloaded(void);
__END_DECLS

#endif /* _LIBKERN_OSKEXTLIB_H_ */
