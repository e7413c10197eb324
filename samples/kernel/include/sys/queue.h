/*
 * hagfish miniature kernel -- intrusive list macros.
 *
 * Two list shapes, written for this fixture in the style of the classic
 * BSD macros so that the struct layouts match what a debugger expects:
 *
 *   LIST:  doubly linked, head holds only the first pointer, every entry
 *          keeps a pointer to the previous entry's "next" slot (le_prev),
 *          so removal does not need the head.
 *   TAILQ: like LIST, plus a pointer to the last element's next slot in
 *          the head, so appends are O(1).
 */
#ifndef _SYS_QUEUE_H_
#define _SYS_QUEUE_H_

#include <stddef.h>

/* ---- LIST ---------------------------------------------------------- */

#define LIST_HEAD(name, type)                                           \
struct name {                                                           \
	struct type *lh_first;      /* first element, or NULL */        \
}

#define LIST_HEAD_INITIALIZER(head)     { NULL }

#define LIST_ENTRY(type)                                                \
struct {                                                                \
	struct type *le_next;       /* following element */             \
	struct type **le_prev;      /* where our address is stored */   \
}

#define LIST_FIRST(head)        ((head)->lh_first)
#define LIST_EMPTY(head)        ((head)->lh_first == NULL)
#define LIST_NEXT(elm, field)   ((elm)->field.le_next)

#define LIST_FOREACH(var, head, field)                                  \
	for ((var) = LIST_FIRST(head); (var) != NULL;                   \
	    (var) = LIST_NEXT(var, field))

#define LIST_INIT(head) do {                                            \
	LIST_FIRST(head) = NULL;                                        \
} while (0)

#define LIST_INSERT_HEAD(head, elm, field) do {                         \
	if (((elm)->field.le_next = (head)->lh_first) != NULL)          \
	        (head)->lh_first->field.le_prev = &(elm)->field.le_next; \
	(head)->lh_first = (elm);                                       \
	(elm)->field.le_prev = &(head)->lh_first;                       \
} while (0)

#define LIST_REMOVE(elm, field) do {                                    \
	if ((elm)->field.le_next != NULL)                               \
	        (elm)->field.le_next->field.le_prev = (elm)->field.le_prev; \
	*(elm)->field.le_prev = (elm)->field.le_next;                   \
} while (0)

/* ---- TAILQ --------------------------------------------------------- */

#define TAILQ_HEAD(name, type)                                          \
struct name {                                                           \
	struct type *tqh_first;     /* first element */                 \
	struct type **tqh_last;     /* next slot of the last element */ \
}

#define TAILQ_ENTRY(type)                                               \
struct {                                                                \
	struct type *tqe_next;                                          \
	struct type **tqe_prev;                                         \
}

#define TAILQ_FIRST(head)       ((head)->tqh_first)
#define TAILQ_EMPTY(head)       ((head)->tqh_first == NULL)
#define TAILQ_NEXT(elm, field)  ((elm)->field.tqe_next)

#define TAILQ_FOREACH(var, head, field)                                 \
	for ((var) = TAILQ_FIRST(head); (var) != NULL;                  \
	    (var) = TAILQ_NEXT(var, field))

#define TAILQ_INIT(head) do {                                           \
	(head)->tqh_first = NULL;                                       \
	(head)->tqh_last = &(head)->tqh_first;                          \
} while (0)

#define TAILQ_INSERT_TAIL(head, elm, field) do {                        \
	(elm)->field.tqe_next = NULL;                                   \
	(elm)->field.tqe_prev = (head)->tqh_last;                       \
	*(head)->tqh_last = (elm);                                      \
	(head)->tqh_last = &(elm)->field.tqe_next;                      \
} while (0)

#endif /* _SYS_QUEUE_H_ */
