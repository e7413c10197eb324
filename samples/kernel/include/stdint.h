/*
 * hagfish miniature kernel -- fixed width integer types.
 * The tree is built with -nostdinc, so this is the only <stdint.h> in play.
 * Valid for the three Darwin targets we build: i386 (ILP32), x86_64 and
 * arm64 (LP64).
 */
#ifndef _HF_STDINT_H_
#define _HF_STDINT_H_

typedef signed char         int8_t;
typedef unsigned char       uint8_t;
typedef short               int16_t;
typedef unsigned short      uint16_t;
typedef int                 int32_t;
typedef unsigned int        uint32_t;
typedef long long           int64_t;
typedef unsigned long long  uint64_t;

typedef long                intptr_t;
typedef unsigned long       uintptr_t;

#define INT32_MAX   2147483647
#define UINT32_MAX  4294967295U
#define UINT64_MAX  18446744073709551615ULL

#endif /* _HF_STDINT_H_ */
