/*
 * Arrays at the edges of gdb's print limits, for the golden expected/values/gdb-print-edges.txt
 * (make-expected-values.sh compiles this file with clang-19 for x86_64-linux-gnu and prints
 * each variable with gdb). The values tests build the same bytes and compare with gdb's text:
 * 'set print elements' (200), 'set print repeats' (10), the trailing NUL gdb drops, escapes.
 */
#define R10(x) x, x, x, x, x, x, x, x, x, x
#define R100(x) R10(x), R10(x), R10(x), R10(x), R10(x), R10(x), R10(x), R10(x), R10(x), R10(x)

char all300[300] = { R100('A'), R100('A'), R100('A') };        /* one run, longer than 200 */
char all200[200] = { R100('B'), R100('B') };                   /* exactly 200, no NUL */
char nul201[201] = { R100('C'), R100('C') };                   /* 200 and a NUL */
char mixed[250] = { R100('x'), R10('x'), R10('x'), R10('x'), R10('x'), R10('x'), R10('x'), R10('x'),
	R10('x'), R10('x'), 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'y', R10('z'), 'z', 'z' };
char runs[40] = { 'a', R10('b'), 'c', R10('d'), 'd', 'e', 'e' };  /* 10 is not a repeat, 11 is */
char inner[5] = "ab\0cd";                                      /* a NUL inside */
char tail[4] = { 'a', 0, 0, 0 };                               /* only the last NUL goes */
unsigned char bytes[8] = { 200, 10, 27, '"', '\\', '\'', 7, 127 };
int zeros[20];
int eleven[11] = { R10(1), 1 };
int ten[10] = { R10(1) };
int few[250] = { 1, 2, 3 };
int blocks[300] = { R100(1), R100(2), R100(3) };
int many[230] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
	26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77,
	78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102,
	103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123,
	124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144,
	145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165,
	166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186,
	187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205 };
float floats[6] = { 0.1f, 1.5f, -0.0f, 3.4028235e38f, 1e-45f, 16777216.0f };
double doubles[8] = { 0.1, 1.5, -0.0, 1e100, 123456789012345678.0, 1e-5, 0.0001, 100000000000000000.0 };
enum flags { F_ONE = 1, F_TWO = 2, F_FOUR = 4 } flagset = (enum flags)7, flagodd = (enum flags)9,
	flagnone = (enum flags)0;
enum plain { P_A = 1, P_B = 3 } plainodd = (enum plain)2;
