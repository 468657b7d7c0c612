/* edit_add.c - a new case added to the inspection, its reference its
 * own on disk too (see edit.h). */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/file.h"
#include "model/edit.h"
#include "model/edit_parts.h"
#include "store/iniw.h"
#include "store/save.h"
#include "base/xalloc.h"

/* ---- new cases ---- */

/* A file name from the reference: ASCII letters, digits, '-' and '_'
 * kept, anything else '_' (so no '/', no '..', no hidden file), at most 64
 * bytes. */
static char *
file_stem(const char *ref)
{
	char *s = xmalloc(66);
	size_t n = 0;

	for (const char *p = ref; *p && n < 64; p++) {
		unsigned char ch = (unsigned char)*p;

		int keep = (isalnum(ch) && ch < 0x80) || ch == '-' || ch == '_';

		s[n++] = keep ? (char)ch : '_';
	}
	if (n == 0)
		s[n++] = 'c';
	s[n] = '\0';
	return s;
}

static int
cmp_case_name(const void *a, const void *b)
{
	return strcmp(((const struct case_file *)a)->name, ((const struct case_file *)b)->name);
}

/* Does the file at PATH (not one of IN's cases) hold LINE, the line the
 * writer gives a reference (line + 1: at the very start)? */
static int
holds_line(const char *path, const char *line)
{
	char *text = file_read(path, 1 << 20, FILE_HEAD, NULL);
	int found = text != NULL && (strstr(text, line) != NULL ||
	    strncmp(text, line + 1, strlen(line + 1)) == 0);

	free(text);
	return found;
}

static int
is_left_out(const struct inspection *in, const char *name)
{
	for (size_t i = 0; i < in->nleft_out; i++)
		if (strcmp(in->left_out[i].name, name) == 0)
			return 1;
	return 0;
}

/*
 * A case file in DIR/cases that is not one of IN's cases (with ALL, any but
 * SELF, as it is on disk now) and may hold the case REFERENCE; its name
 * (free it), *LEFT_OUT saying whether it is one that could not be read, or
 * NULL. A file that could not be read may hold
 * it by its name (REFERENCE's file name, NAME.ini or NAME-N.ini); any such
 * file by the line the writer would give the reference (another yjinspect
 * may have added the case since IN was read).
 */
static char *
file_with(const struct inspection *in, const char *reference, const char *self, int all,
    int *left_out)
{
	char *stem = file_stem(reference), *line, *cdir, *found = NULL;
	size_t n = strlen(stem);
	struct iniw w;
	struct dirent *de;
	DIR *d;

	iniw_init(&w);
	iniw_section(&w, "case");
	iniw_str(&w, "reference", reference);
	line = strstr(iniw_text(&w), "\nreference = ");	/* "\nreference = \"...\"\n" */
	cdir = xasprintf("%s/cases", in->dir);
	d = opendir(cdir);
	while (d != NULL && found == NULL && (de = readdir(d)) != NULL) {
		const char *name = de->d_name;
		size_t len = strlen(name);
		char *path;

		if (name[0] == '.' || len <= 4 || strcmp(name + len - 4, ".ini") != 0 ||
		    (self != NULL && strcmp(name, self) == 0) ||
		    (!all && edit_case_index(in, name) >= 0))
			continue;
		*left_out = is_left_out(in, name);
		if (*left_out && strncmp(name, stem, n) == 0) {	/* NAME.ini, NAME-N.ini */
			size_t digits = name[n] == '-' ? strspn(name + n + 1, "0123456789") : 0;

			if (strcmp(name + n, ".ini") == 0 ||
			    (digits > 0 && strcmp(name + n + 1 + digits, ".ini") == 0)) {
				found = xstrdup(name);
				break;
			}
		}
		path = xasprintf("%s/%s", cdir, name);
		if (line != NULL && holds_line(path, line))
			found = xstrdup(name);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	free(cdir);
	iniw_free(&w);
	free(stem);
	return found;
}

static int
add_case_locked(struct inspection *in, const char *reference, const char *inspector,
    size_t *ci, struct err *e)
{
	struct case_file c;
	char *stem, *path = NULL, now[32];
	char *other;
	int tries, taken, lo;

	if (edit_reference_ok(reference, e) < 0)
		return -1;
	if (edit_reference_taken(in, reference, NULL))
		return err_set(e, "another case has the reference '%s'", reference);
	if ((other = file_with(in, reference, NULL, 0, &lo)) != NULL) {
		if (lo)
			err_set(e, "%s/cases/%s cannot be read and may be this case: put it "
			    "right (yjinspect check) rather than add the case again", in->dir, other);
		else
			err_set(e, "%s/cases/%s has the reference '%s': added since this "
			    "inspection was opened (in another yjinspect?)", in->dir, other, reference);
		free(other);
		return -1;
	}
	/* NAME.ini, else NAME-2.ini, ...: the first that does not exist, taken
	 * by creating it (never over a file another program made meanwhile, nor
	 * over a case file that cannot be read and so is not in IN) */
	stem = file_stem(reference);
	stamp_now(now, sizeof now, 0);
	for (tries = 1;; tries++) {
		path = tries == 1 ? xasprintf("%s/cases/%s.ini", in->dir, stem) :
		    xasprintf("%s/cases/%s-%d.ini", in->dir, stem, tries);
		case_init(&c, &in->form, path);
		free(path);
		c.reference = xstrdup(reference);
		c.inspector = edit_dup(inspector);
		c.created = xstrdup(now);
		if (case_create(&c, &in->form, e) == 0)
			break;
		taken = errno == EEXIST;	/* before anything else can change it */
		case_free(&c, &in->form);
		if (!taken || tries == 1000) {
			free(stem);
			return -1;
		}
	}
	free(stem);
	in->cases = xrealloc(in->cases, (in->ncases + 1) * sizeof *in->cases);
	in->cases[in->ncases++] = c;
	/* the structs move; their path and name strings do not */
	qsort(in->cases, in->ncases, sizeof *in->cases, cmp_case_name);
	*ci = (size_t)edit_case_index(in, strrchr(c.path, '/') + 1);
	return 0;
}

/* CASES/.adding: held while a reference is looked for on disk and taken */
static int
gate_lock(const struct inspection *in, struct err *e)
{
	char *cases = xasprintf("%s/cases", in->dir);
	char *gate = xasprintf("%s/.adding", cases);
	int fd;

	/* a folder with no cases yet has no cases/ after a git clone (git
	 * keeps no empty folder): made, as insp_create makes it */
	if (mkdir(cases, 0700) < 0 && errno != EEXIST) {
		err_set(e, "%s: cannot make the cases folder: %s", cases, strerror(errno));
		free(cases);
		free(gate);
		return -1;
	}
	fd = save_lock_hold(gate, e);
	free(cases);
	free(gate);
	return fd;
}

/* The gate, held, if no case file on disk but case CI's holds REF; else -1
 * with E saying which does. */
int
edit_reference_gate(const struct inspection *in, size_t ci, const char *ref, struct err *e)
{
	int fd = gate_lock(in, e), lo;
	char *other;

	if (fd < 0)
		return -1;
	if ((other = file_with(in, ref, in->cases[ci].name, 1, &lo)) != NULL) {
		err_set(e, "%s/cases/%s %s the reference '%s'", in->dir, other,
		    lo ? "cannot be read and may hold" : "has", ref);
		free(other);
		save_unlock(fd);
		return -1;
	}
	return fd;
}

int
edit_add_case(struct inspection *in, const char *reference, const char *inspector,
    size_t *ci, struct err *e)
{
	/* one adding at a time in the folder: the look for the reference in
	 * files not read and the making of the file, together (two yjinspects
	 * adding one case at the same instant would otherwise both add it) */
	int lockfd = gate_lock(in, e), rc;

	if (lockfd < 0)
		return -1;
	rc = add_case_locked(in, reference, inspector, ci, e);
	save_unlock(lockfd);
	return rc;
}
