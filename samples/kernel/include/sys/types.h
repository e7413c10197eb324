/*
 * hagfish miniature kernel -- BSD scalar types.
 */
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#include <stdint.h>
#include <stddef.h>

typedef int32_t         pid_t;
typedef uint32_t        uid_t;
typedef uint32_t        gid_t;
typedef int64_t         off_t;
typedef unsigned char   u_char;
typedef unsigned short  u_short;
typedef unsigned int    u_int;
typedef unsigned long   u_long;
typedef char           *caddr_t;
typedef uint64_t        user_addr_t;
typedef uint32_t        sigset_t;

#endif /* _SYS_TYPES_H_ */
