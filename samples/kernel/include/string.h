/*
 * hagfish miniature kernel -- the handful of string/memory helpers the
 * kernel needs.  Implemented in libkern/gen/string.c; there is no libc.
 */
#ifndef _HF_STRING_H_
#define _HF_STRING_H_

#include <sys/cdefs.h>
#include <stddef.h>

__BEGIN_DECLS
void   *memset(void *dst, int c, size_t len);
void   *memcpy(void *dst, const void *src, size_t len);
void   *memmove(void *dst, const void *src, size_t len);
void    bzero(void *dst, size_t len);
int     memcmp(const void *a, const void *b, size_t len);
size_t  strlen(const char *s);
int     strcmp(const char *a, const char *b);
int     strncmp(const char *a, const char *b, size_t n);
size_t  strlcpy(char *dst, const char *src, size_t size);
char   *strchr(const char *s, int c);
__END_DECLS

#endif /* _HF_STRING_H_ */
