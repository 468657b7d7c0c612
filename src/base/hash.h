/* hash.h - FNV-1a, the one hash of names and bytes used for lookups and
 * checks (not for secrets). */
#ifndef YJ_HASH_H
#define YJ_HASH_H

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>

#define HASH32_START 2166136261u
#define HASH64_START 14695981039346656037ull

/* The 32-bit hash of the string S */
static inline uint32_t
hash_str(const char *s)
{
	uint32_t h = HASH32_START;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The 32-bit hash of S as tolower reads it: the same for two names that
 * strcasecmp finds equal */
static inline uint32_t
hash_str_nocase(const char *s)
{
	uint32_t h = HASH32_START;

	while (*s)
		h = (h ^ (unsigned char)tolower((unsigned char)*s++)) * 16777619u;
	return h;
}

/* H carried on over LEN bytes at P (64 bits; start with HASH64_START) */
static inline uint64_t
hash_bytes64(const void *p, size_t len, uint64_t h)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < len; i++)
		h = (h ^ s[i]) * 1099511628211ull;
	return h;
}

#endif
