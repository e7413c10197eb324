/*
 * hagfish miniature kernel -- types whose layout is awkward on purpose.
 *
 * Nothing in the kernel needs these; they exist so that a DWARF/layout
 * reader meets every shape it must handle.  Each type is used by a named
 * global (layout_*), and layouts_touch() reads them so they are live.
 */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <sys/cdefs.h>

/* ---- enums ------------------------------------------------------------ */

enum layout_signed {                    /* negative enumerators */
	LAYOUT_NEG_BIG   = -2147483647 - 1,
	LAYOUT_NEG_ONE   = -1,
	LAYOUT_ZERO      = 0,
	LAYOUT_POS       = 7,
};

enum layout_unsigned {                  /* a value > 2^31 forces unsigned */
	LAYOUT_U_SMALL   = 1,
	LAYOUT_U_HIGHBIT = 0x80000000u,
	LAYOUT_U_MAX     = 0xffffffffu,
};

typedef enum {                          /* anonymous enum behind a typedef */
	LAYOUT_RED = 0, LAYOUT_GREEN, LAYOUT_BLUE, LAYOUT_ALPHA = 6
} layout_color_t;

/* ---- union ---------------------------------------------------------- */

union layout_value {
	uint64_t        u64;
	int32_t         i32[2];
	double          d;
	long double     ld;             /* 16 bytes on x86, 8 on arm64 */
	char            bytes[8];
	struct {
		uint16_t lo;
		uint16_t hi;
	} halves;
	void           *ptr;
};

/* ---- anonymous members ------------------------------------------------ */

struct layout_anon {
	uint32_t        tag;
	union {                         /* anonymous union */
		uint32_t        as_u32;
		float           as_float;
		struct {                /* anonymous struct inside it */
			uint16_t        low;
			uint16_t        high;
		};
	};
	struct {                        /* anonymous struct member */
		uint8_t         r, g, b;
		layout_color_t  color;
	};
	uint64_t        trailer;
};

/* ---- typedef chains ------------------------------------------------------ */

struct layout_base {
	int             id;
	const char     *label;
};
typedef struct layout_base      layout_base_t;          /* level 1 */
typedef layout_base_t           layout_base2_t;         /* level 2 */
typedef layout_base2_t          layout_final_t;         /* level 3 */
typedef layout_final_t         *layout_final_ptr_t;     /* and a pointer */

/* ---- qualifiers ----------------------------------------------------- */

struct layout_qualifiers {
	const int               ci;
	volatile int            vi;
	const volatile unsigned int cvu;
	const char *const       cpc;            /* const pointer to const */
	volatile uint64_t      *vp;             /* pointer to volatile */
	char *restrict          rp;             /* restrict pointer */
	const struct layout_base *const *cpp;   /* pointer to const ptr to const */
};

/* ---- function pointers ---------------------------------------------- */

typedef void (*layout_handler_t)(int);

struct layout_funcs {
	void            (*fn)(int, char *);
	char           *(*fnret)(const char *, size_t);     /* returns a pointer */
	layout_handler_t (*install)(int, layout_handler_t); /* returns a fn ptr */
	int             (*table[3])(void);                  /* array of fn ptrs */
	int             (*(*pick)(int))(void);              /* returns a fn ptr */
	void            (*varargs)(const char *, ...);
};

/* ---- arrays --------------------------------------------------------- */

struct layout_arrays {
	int             m[3][4][2];             /* multi-dimensional */
	char            names[2][8];
	int           (*row)[2];                /* pointer to array */
	int           (*plane)[4][2];           /* pointer to 2-d array */
	int            *ptrs[3];                /* array of pointers */
	uint8_t         empty[0];               /* zero length (GNU) */
};

/* ---- flexible array member -------------------------------------------- */

struct layout_flex {
	uint32_t        count;
	uint32_t        flags;
	uint64_t        entries[];              /* flexible array member */
};

/* ---- bitfields -------------------------------------------------------- */

struct layout_bits {
	unsigned int            a:30;           /* b cannot fit: next unit */
	unsigned int            b:6;
	unsigned long long      x:40;
	unsigned long long      y:30;           /* does not fit after x: new unit */
	int                     sneg:4;         /* signed bitfield */
	unsigned int            :3;             /* unnamed padding */
	unsigned int            flag:1;
	unsigned int            :0;             /* force the next unit */
	unsigned short          s1:5;
	unsigned short          s2:11;          /* fills the short exactly */
	unsigned char           c1:3;
	_Bool                   on:1;
	layout_color_t          color:3;        /* enum bitfield */
};

/* packed: bitfields may straddle storage units */
struct __attribute__((packed)) layout_packed_bits {
	uint8_t                 tag;
	unsigned int            a:30;
	unsigned int            b:6;            /* straddles a byte boundary */
	unsigned long long      c:40;
};

/* ---- packing and alignment -------------------------------------------- */

struct __attribute__((packed)) layout_packed {
	char            c;
	uint64_t        q;              /* at offset 1 */
	uint16_t        s;              /* at offset 9 */
	uint32_t        i;              /* at offset 11 */
};

struct __attribute__((aligned(64))) layout_aligned64 {
	uint32_t        head;
	char            body[20];       /* sizeof rounds up to 64 */
};

struct layout_contains_aligned {
	char                    c;
	struct layout_aligned64 inner;  /* at offset 64 */
	char                    d;
};

/* holes: char, long, char, int, short, pointer */
struct holey {
	char            c1;             /* 0 */
	long            l;              /* 8 on LP64 (4 on i386): hole */
	char            c2;
	int             i;              /* hole before */
	short           s;
	void           *p;              /* hole before on LP64 */
	char            c3;             /* tail padding */
};

/* a self-referential type and a pointer to a type that is never defined */
struct layout_opaque;
struct layout_node {
	struct layout_node      *next;
	struct layout_node      **pprev;
	struct layout_opaque    *opaque;
	union layout_value      payload;
};

/* ---- helpers the function pointers point at ----------------------------- */

static int layout_calls;

static void
layout_fn(int n, char *buf)
{
	if (buf != NULL && n > 0) {
		buf[0] = (char)n;
	}
	layout_calls++;
}

static char *
layout_fnret(const char *s, size_t n)
{
	layout_calls++;
	return (char *)(uintptr_t)(s + (n < strlen(s) ? n : strlen(s)));
}

static void
layout_default_handler(int sig)
{
	layout_calls += sig;
}

static layout_handler_t
layout_install(int sig, layout_handler_t h)
{
	(void)sig;
	(void)h;
	return layout_default_handler;
}

static int layout_zero(void) { return 0; }
static int layout_one(void) { return 1; }
static int layout_two(void) { return 2; }

static int (*layout_pick(int n))(void)
{
	return n == 0 ? layout_zero : (n == 1 ? layout_one : layout_two);
}

static void
layout_varargs(const char *fmt, ...)
{
	layout_calls += fmt != NULL;
}

/* ---- the globals -------------------------------------------------------- */

enum layout_signed      layout_enum_signed = LAYOUT_NEG_ONE;
enum layout_unsigned    layout_enum_unsigned = LAYOUT_U_HIGHBIT;
layout_color_t          layout_enum_color = LAYOUT_BLUE;

union layout_value      layout_union = { .u64 = 0x4048f5c3deadbeefULL };

struct layout_anon      layout_anon = {
	.tag = 0x414e4f4e,
	.as_u32 = 0x00020001,
	.r = 1, .g = 2, .b = 3, .color = LAYOUT_GREEN,
	.trailer = 0xfeedfacecafebeefULL,
};

layout_final_t          layout_typedef_chain = { 3, "three levels of typedef" };
layout_final_ptr_t      layout_typedef_ptr = &layout_typedef_chain;

volatile uint64_t       layout_volatile_word = 0x5a5a5a5a5a5a5a5aULL;
char                    layout_scratch[32];
const struct layout_base *const layout_base_ptr = &layout_typedef_chain;

const struct layout_qualifiers layout_qualifiers = {
	.ci = -42,
	.vi = 42,
	.cvu = 0xc0ffee,
	.cpc = "const char *const",
	.vp = &layout_volatile_word,
	.rp = layout_scratch,
	.cpp = &layout_base_ptr,
};

struct layout_funcs     layout_funcs = {
	.fn = layout_fn,
	.fnret = layout_fnret,
	.install = layout_install,
	.table = { layout_zero, layout_one, layout_two },
	.pick = layout_pick,
	.varargs = layout_varargs,
};

struct layout_arrays    layout_arrays = {
	.m = {
		{ { 0, 1 }, { 2, 3 }, { 4, 5 }, { 6, 7 } },
		{ { 8, 9 }, { 10, 11 }, { 12, 13 }, { 14, 15 } },
		{ { 16, 17 }, { 18, 19 }, { 20, 21 }, { 22, 23 } },
	},
	.names = { "alpha", "beta" },
	.row = &layout_arrays.m[1][0],
	.plane = &layout_arrays.m[2],
	.ptrs = { &layout_arrays.m[0][0][0], &layout_arrays.m[1][0][0], &layout_arrays.m[2][0][0] },
};

struct layout_flex      layout_flex = {
	.count = 3,
	.flags = 0x1,
	.entries = { 0x1111, 0x2222, 0x3333 },
};

struct layout_bits      layout_bits = {
	.a = 0x3fffffff, .b = 0x2a,
	.x = 0xabcdef0123ULL, .y = 0x1234567,
	.sneg = -3, .flag = 1,
	.s1 = 0x1f, .s2 = 0x5a5,
	.c1 = 5, .on = 1, .color = LAYOUT_BLUE,
};

struct layout_packed_bits layout_packed_bits = {
	.tag = 0xa5, .a = 0x2aaaaaaa, .b = 0x15, .c = 0xffeeddccbbULL,
};

struct layout_packed    layout_packed = {
	.c = 'P', .q = 0x0102030405060708ULL, .s = 0x0a0b, .i = 0x0c0d0e0f,
};

struct layout_aligned64 layout_aligned64 = { .head = 64, .body = "cache line" };

struct layout_contains_aligned layout_contains_aligned = {
	.c = 'a', .inner = { .head = 1, .body = "inner" }, .d = 'z',
};

struct holey            layout_holey = {
	.c1 = 'h', .l = -1L, .c2 = 'o', .i = 0x686f6c65, .s = 0x6579,
	.p = &layout_holey, .c3 = 'y',
};

struct layout_node      layout_nodes[2] = {
	{ .next = &layout_nodes[1], .pprev = NULL, .opaque = NULL,
	  .payload = { .bytes = "node0" } },
	{ .next = NULL, .pprev = &layout_nodes[0].next, .opaque = NULL,
	  .payload = { .i32 = { -1, 1 } } },
};

/* sizes and offsets a reader can check itself against (computed here) */
const size_t layout_sizes[] = {
	sizeof(union layout_value),
	sizeof(struct layout_anon),
	sizeof(struct layout_bits),
	sizeof(struct layout_packed_bits),
	sizeof(struct layout_packed),
	sizeof(struct layout_aligned64),
	sizeof(struct layout_contains_aligned),
	sizeof(struct holey),
	offsetof(struct holey, p),
	offsetof(struct layout_packed, i),
	offsetof(struct layout_contains_aligned, inner),
};

/* read everything once, so that nothing here is dead */
void
layouts_touch(void)
{
	int total = 0;
	unsigned int i;

	layout_funcs.fn(1, layout_scratch);
	(void)layout_funcs.fnret("layout", 2);
	layout_funcs.install(2, layout_default_handler)(3);
	for (i = 0; i < 3; i++) {
		total += layout_funcs.table[i]() + layout_funcs.pick((int)i)();
	}
	layout_funcs.varargs("%d", total);
	total += layout_arrays.m[2][3][1] + (*layout_arrays.row)[1] + (*layout_arrays.plane)[3][1] + *layout_arrays.ptrs[1];
	total += (int)layout_flex.entries[layout_flex.count - 1];
	total += layout_bits.sneg + (int)layout_bits.y + layout_packed_bits.b;
	total += layout_packed.s + layout_aligned64.head + layout_holey.c3;
	total += layout_anon.high + layout_anon.color + layout_enum_color;
	total += layout_qualifiers.vi + (int)layout_qualifiers.cvu;
	total += (int)layout_union.halves.lo + layout_typedef_ptr->id;
	total += layout_enum_signed + (int)(layout_enum_unsigned >> 31);
	total += layout_contains_aligned.d + layout_nodes[1].payload.i32[0];
	layout_volatile_word = (uint64_t)total + layout_sizes[0];
}
