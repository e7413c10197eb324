/*
 * hagfish miniature kernel -- memory and string primitives.
 *
 * There is no libc in this kernel.  The compiler may still emit calls to
 * memset/memcpy for aggregate copies, so these must exist under their
 * usual names.  Built with -fno-builtin, so the loops below are not turned
 * back into calls to themselves.
 */
#include <string.h>
#include <stdint.h>

void *
memset(void *dst, int c, size_t len)
{
	unsigned char *d = dst;

	while (len-- != 0) {
		*d++ = (unsigned char)c;
	}
	return dst;
}

void
bzero(void *dst, size_t len)
{
	memset(dst, 0, len);
}

void *
memcpy(void *dst, const void *src, size_t len)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (len-- != 0) {
		*d++ = *s++;
	}
	return dst;
}

void *
memmove(void *dst, const void *src, size_t len)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || len == 0) {
		return dst;
	}
	if (d < s) {
		while (len-- != 0) {
			*d++ = *s++;
		}
	} else {
		d += len;
		s += len;
		while (len-- != 0) {
			*--d = *--s;
		}
	}
	return dst;
}

int
memcmp(const void *a, const void *b, size_t len)
{
	const unsigned char *x = a, *y = b;

	for (; len != 0; len--, x++, y++) {
		if (*x != *y) {
			return (int)*x - (int)*y;
		}
	}
	return 0;
}

size_t
strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0') {
		p++;
	}
	return (size_t)(p - s);
}

int
strcmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

int
strncmp(const char *a, const char *b, size_t n)
{
	for (; n != 0; n--, a++, b++) {
		if (*a != *b) {
			return (int)(unsigned char)*a - (int)(unsigned char)*b;
		}
		if (*a == '\0') {
			break;
		}
	}
	return 0;
}

size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t srclen = strlen(src);

	if (size != 0) {
		size_t n = srclen < size - 1 ? srclen : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return srclen;
}

char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c) {
			return (char *)(uintptr_t)s;
		}
		if (*s == '\0') {
			return (char *)0;
		}
	}
}
