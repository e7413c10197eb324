/*
 * hagfish miniature kernel -- Mach style circular queues.
 *
 * A queue head and a queue chain are the same two-pointer record.  An
 * empty queue points at itself; in a non-empty queue the last element's
 * next (and the first element's prev) point back at the head.
 */
#ifndef _KERN_QUEUE_H_
#define _KERN_QUEUE_H_

#include <mach/mach_types.h>

struct queue_entry {
	struct queue_entry *next;       /* next element */
	struct queue_entry *prev;       /* previous element */
};

typedef struct queue_entry *queue_t;
typedef struct queue_entry  queue_head_t;
typedef struct queue_entry  queue_chain_t;
typedef struct queue_entry *queue_entry_t;

/* static initializer for an empty queue head */
#define QUEUE_HEAD_INITIALIZER(q)   { &(q), &(q) }

/* recover the enclosing structure from an embedded chain */
#define qe_element(qe, type, field) \
	((type *)(void *)((char *)(qe) - offsetof(type, field)))

static inline queue_entry_t
queue_first(queue_t q)
{
	return q->next;
}

static inline queue_entry_t
queue_next(queue_entry_t qe)
{
	return qe->next;
}

static inline boolean_t
queue_end(queue_t q, queue_entry_t qe)
{
	return q == qe;
}

/* nested inline chain: queue_empty -> queue_end + queue_first */
static inline boolean_t
queue_empty(queue_t q)
{
	return queue_end(q, queue_first(q));
}

static inline void
enqueue_tail(queue_t q, queue_entry_t elt)
{
	elt->next = q;
	elt->prev = q->prev;
	elt->prev->next = elt;
	q->prev = elt;
}

#endif /* _KERN_QUEUE_H_ */
