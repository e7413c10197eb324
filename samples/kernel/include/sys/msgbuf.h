/*
 * hagfish miniature kernel -- the kernel message buffer (dmesg).
 */
#ifndef _SYS_MSGBUF_H_
#define _SYS_MSGBUF_H_

#include <sys/cdefs.h>

#define MSG_MAGIC       0x063061
#define MSG_BSIZE       4096

struct msgbuf {
	int     msg_magic;      /* MSG_MAGIC when valid */
	int     msg_size;       /* size of msg_bufc */
	int     msg_bufx;       /* write index */
	int     msg_bufr;       /* read index */
	char   *msg_bufc;       /* the ring buffer */
};

__BEGIN_DECLS
extern struct msgbuf    msgbuf;
extern struct msgbuf   *msgbufp;
extern char             smsg_bufc[MSG_BSIZE];

void    log_putc(char c);
int     log_dmesg_copy(char *dst, int len);
__END_DECLS

#endif /* _SYS_MSGBUF_H_ */
