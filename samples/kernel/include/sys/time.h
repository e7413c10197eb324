/*
 * hagfish miniature kernel -- time values.
 */
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <sys/types.h>

typedef long    time_t;
typedef int32_t suseconds_t;

struct timeval {
	time_t      tv_sec;         /* seconds since the epoch */
	suseconds_t tv_usec;        /* and microseconds */
};

#endif /* _SYS_TIME_H_ */
