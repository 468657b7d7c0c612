/* gitstate.c - what git has left unfinished in a folder (see gitstate.h).
 *
 * The index (git's Documentation/gitformat-index.txt): "DIRC", a version
 * (2, 3 or 4) and an entry count, each 4 bytes big-endian; then the
 * entries, sorted by path and stage: 40 bytes of stat data, the object
 * name (20 bytes, or 32 in a SHA-256 repository), 2 bytes of flags (stage
 * in bits 12-13, the name's length in the low 12), 2 more bytes of flags
 * in version 3 and up when the flags' bit 14 says so, then the path: in
 * versions 2 and 3 whole, NUL-ended and padded with NULs to a multiple of
 * 8 bytes from the entry's start; in version 4 as a number of bytes to
 * drop from the end of the last path (git's varint) and the rest,
 * NUL-ended, not padded.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
#include "store/gitstate.h"
#include "base/xalloc.h"

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The git folder of the work tree whose top is TOP, or NULL: TOP/.git,
 * or the folder a .git file names */
static char *
git_dir_at(const char *top)
{
	char *dotgit = xasprintf("%s/.git", top), *text, *dir = NULL;
	struct stat st;
	size_t len;

	if (lstat(dotgit, &st) != 0) {
		free(dotgit);
		return NULL;
	}
	if (S_ISDIR(st.st_mode))
		return dotgit;
	if (S_ISREG(st.st_mode) && (text = file_read(dotgit, FILE_ANY_SIZE, 0, &len)) != NULL) {
		if (strncmp(text, "gitdir: ", 8) == 0) {
			char *p = text + 8;

			p[strcspn(p, "\r\n")] = '\0';
			dir = p[0] == '/' ? xstrdup(p) : xasprintf("%s/%s", top, p);
		}
		free(text);
	}
	free(dotgit);
	return dir;
}

static void
add_path(struct gitstate *gs, const char *path, size_t len)
{
	if (gs->nunmerged > 0) {
		const char *last = gs->unmerged[gs->nunmerged - 1];

		if (strlen(last) == len && memcmp(last, path, len) == 0)
			return;	/* (its other stages) */
	}
	gs->unmerged = xrealloc(gs->unmerged, (gs->nunmerged + 1) * sizeof *gs->unmerged);
	gs->unmerged[gs->nunmerged++] = xstrndup(path, len);
}

/* The unmerged entries of the index TEXT (LEN bytes) under PREFIX into GS,
 * object names HASHLEN bytes long: 0, or -1 if the entries do not fit */
static int
parse_index(const unsigned char *text, size_t len, size_t hashlen, const char *prefix,
    struct gitstate *gs)
{
	uint32_t version = be32(text + 4), count = be32(text + 8);
	size_t at = 12, plen = strlen(prefix);
	struct buf path = BUF_INIT;
	int rc = -1;

	for (uint32_t i = 0; i < count; i++) {
		size_t start = at, fixed = 40 + hashlen + 2, nlen;
		unsigned flags;

		if (len - at < fixed)
			goto out;
		flags = (unsigned)text[at + 40 + hashlen] << 8 | text[at + 40 + hashlen + 1];
		at += fixed;
		if (version >= 3 && (flags & 0x4000)) {
			if (len - at < 2)
				goto out;
			at += 2;
		}
		if (version == 4) {
			size_t drop;
			unsigned char c;

			if (at >= len)
				goto out;
			c = text[at++];
			drop = c & 127;
			while (c & 128) {
				if (at >= len || drop > (SIZE_MAX >> 8))
					goto out;
				c = text[at++];
				drop = ((drop + 1) << 7) | (c & 127);
			}
			if (drop > path.len)
				goto out;
			path.len -= drop;
		} else
			buf_reset(&path);
		{
			const unsigned char *nul = memchr(text + at, '\0', len - at);

			if (nul == NULL)
				goto out;
			nlen = (size_t)(nul - (text + at));
			buf_add(&path, (const char *)text + at, nlen);
			at += nlen + 1;
		}
		if (version != 4) {	/* NUL padding to a multiple of 8 */
			size_t end = start + ((at - start + 7) & ~(size_t)7);

			if (end > len)
				goto out;
			for (size_t k = at; k < end; k++)
				if (text[k] != '\0')
					goto out;
			at = end;
		}
		if ((flags >> 12 & 3) != 0 && path.len > plen &&
		    memcmp(buf_str(&path), prefix, plen) == 0)
			add_path(gs, buf_str(&path) + plen, path.len - plen);
	}
	rc = 0;
out:
	buf_free(&path);
	return rc;
}

static void
clear_paths(struct gitstate *gs)
{
	for (size_t i = 0; i < gs->nunmerged; i++)
		free(gs->unmerged[i]);
	free(gs->unmerged);
	gs->unmerged = NULL;
	gs->nunmerged = 0;
}

int
gitstate_read(const char *dir, struct gitstate *gs, struct err *e)
{
	char *abs = realpath(dir, NULL), *top, *gitdir = NULL, *prefix, *index, *head;
	unsigned char *text;
	size_t len = 0;
	struct stat st;
	int rc = 0;

	memset(gs, 0, sizeof *gs);
	if (abs == NULL)
		return 0;	/* (no folder: nothing of git's to say) */
	/* the nearest folder up from DIR with a .git */
	top = xstrdup(abs);
	for (;;) {
		char *slash;

		if ((gitdir = git_dir_at(top)) != NULL)
			break;
		slash = strrchr(top, '/');
		if (slash == NULL || slash == top) {
			free(top);
			free(abs);
			return 0;
		}
		*slash = '\0';
	}
	gs->repo = 1;
	prefix = strlen(abs) > strlen(top) ? xasprintf("%s/", abs + strlen(top) + 1) :
	    xstrdup("");
	/* a merge under way is the folder's only when the repository is the
	 * folder's own (a folder inside a larger repository hears only of its
	 * own files unmerged) */
	head = xasprintf("%s/MERGE_HEAD", gitdir);
	gs->merging = prefix[0] == '\0' && stat(head, &st) == 0;
	free(head);
	index = xasprintf("%s/index", gitdir);
	text = (unsigned char *)file_read(index, FILE_ANY_SIZE, 0, &len);
	if (text == NULL) {
		if (errno != ENOENT)	/* (a repository with nothing added yet) */
			rc = err_set(e, "%s: cannot be read: %s", index, strerror(errno));
	} else if (len < 12 || memcmp(text, "DIRC", 4) != 0)
		rc = err_set(e, "%s: not a git index", index);
	else if (be32(text + 4) < 2 || be32(text + 4) > 4)
		rc = err_set(e, "%s: a git index of version %u, which yjinspect does not read",
		    index, (unsigned)be32(text + 4));
	else if (parse_index(text, len, 20, prefix, gs) < 0) {
		clear_paths(gs);
		if (parse_index(text, len, 32, prefix, gs) < 0) {
			clear_paths(gs);
			rc = err_set(e, "%s: cut short or not git's: its entries do not fit", index);
		}
	}
	if (rc < 0) {
		clear_paths(gs);
		gs->repo = gs->merging = 0;
	}
	free(text);
	free(index);
	free(prefix);
	free(gitdir);
	free(top);
	free(abs);
	return rc;
}

void
gitstate_free(struct gitstate *gs)
{
	clear_paths(gs);
	memset(gs, 0, sizeof *gs);
}

int
gitstate_unmerged(const struct gitstate *gs, const char *path)
{
	for (size_t i = 0; i < gs->nunmerged; i++)
		if (strcmp(gs->unmerged[i], path) == 0)
			return 1;
	return 0;
}
