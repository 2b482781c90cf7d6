// The parts of ncursesw (wide-character curses) that Swift cannot import directly:
// macros (COLOR_PAIR, getmaxyx) and the global `stdscr`, which Swift 6 refuses as a
// non-concurrency-safe global. Everything else is imported from <ncursesw/curses.h>.
#ifndef HUIWU_CNCURSESW_SHIM_H
#define HUIWU_CNCURSESW_SHIM_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <ncursesw/curses.h>

static inline WINDOW *huiwu_stdscr(void) { return stdscr; }
static inline int huiwu_color_pair(int n) { return COLOR_PAIR(n); }
static inline int huiwu_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int huiwu_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }
static inline int huiwu_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
static inline int huiwu_attr_bold(void) { return A_BOLD; }
static inline int huiwu_attr_reverse(void) { return A_REVERSE; }
static inline int huiwu_attr_underline(void) { return A_UNDERLINE; }
static inline int huiwu_attr_dim(void) { return A_DIM; }
static inline int huiwu_key_resize(void) { return KEY_RESIZE; }
static inline int huiwu_key_code_yes(void) { return KEY_CODE_YES; }
static inline int huiwu_err(void) { return ERR; }

/// Writes a UTF-32 string of `n` code points at (y, x) on stdscr.
static inline int huiwu_mvaddwstr(int y, int x, const unsigned int *s, int n) {
    return mvwaddnwstr(stdscr, y, x, (const wchar_t *)s, n);
}

/// Reads one key or character: returns OK with a character, KEY_CODE_YES with a key code, or ERR.
static inline int huiwu_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int r = wget_wch(stdscr, &ch);
    *out = (unsigned int)ch;
    return r;
}
#endif
