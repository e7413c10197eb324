/*
 * hagfish miniature kernel -- size_t, NULL and offsetof.
 */
#ifndef _HF_STDDEF_H_
#define _HF_STDDEF_H_

typedef __SIZE_TYPE__       size_t;
typedef __PTRDIFF_TYPE__    ptrdiff_t;

#ifndef NULL
#ifdef __cplusplus
#define NULL    nullptr
#else
#define NULL    ((void *)0)
#endif
#endif

#define offsetof(type, member)  __builtin_offsetof(type, member)

#endif /* _HF_STDDEF_H_ */
