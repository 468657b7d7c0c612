/* journal_merge.c - two copies' journals brought together: the case text
 * they share (for a three-way merge) and a union of their lines (see
 * journal.h). The format and the record of changes are journal.c's.
 */
#include "config.h"

#include <sys/file.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
#include "base/xalloc.h"
#include "store/journal.h"
#include "store/save.h"

static int
same_entry(const struct journal_entry *a, const struct journal_entry *b)
{
	return a->seq == b->seq && strcmp(a->time, b->time) == 0 && strcmp(a->who, b->who) == 0 &&
	    strcmp(a->key, b->key) == 0 && (a->new == NULL) == (b->new == NULL) &&
	    (a->new == NULL || strcmp(a->new, b->new) == 0) &&
	    (a->old == NULL) == (b->old == NULL) && (a->old == NULL || strcmp(a->old, b->old) == 0);
}

char *
journal_shared_base(const char *case_a, const char *case_b)
{
	struct journal a, b, common;
	struct err e;
	char *text = NULL;

	if (journal_read(case_a, &a, &e) < 0)
		return NULL;
	if (journal_read(case_b, &b, &e) < 0) {
		journal_free(&a);
		return NULL;
	}
	/* the changes in both, in time order (the entries are borrowed) */
	memset(&common, 0, sizeof common);
	common.v = xcalloc(a.n ? a.n : 1, sizeof *common.v);
	for (size_t i = 0, k = 0; i < a.n; i++) {
		while (k < b.n && journal_by_time(&b.v[k], &a.v[i]) < 0)
			k++;
		for (size_t m = k; m < b.n && strcmp(b.v[m].time, a.v[i].time) == 0; m++)
			if (same_entry(&a.v[i], &b.v[m])) {
				common.v[common.n++] = a.v[i];
				break;
			}
	}
	if (common.n)
		text = journal_text(&common, NULL, 0);
	free(common.v);
	journal_free(&a);
	journal_free(&b);
	return text;
}

int
journal_union(const char *case_path, const char *from_case, struct err *e)
{
	char *path = journal_path(case_path), *from = journal_path(from_case), *mine = NULL;
	char *theirs = NULL;
	struct buf add = BUF_INIT;
	size_t len, tlen;
	int fd, tfd, rc = -1;

	if ((tfd = open(from, O_RDONLY | O_CLOEXEC)) < 0) {
		rc = errno == ENOENT ? 0 : err_set(e, "%s: cannot be read: %s", from, strerror(errno));
		goto out_nofd;
	}
	theirs = file_read_fd(tfd, FILE_ANY_SIZE, 0, &tlen);
	close(tfd);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (theirs == NULL || fd < 0) {
		err_set(e, "%s: cannot open: %s", theirs ? path : from, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out_nofd;
	}
	if (flock(fd, LOCK_EX) < 0 || (mine = file_read_fd(fd, FILE_ANY_SIZE, 0, &len)) == NULL) {
		err_set(e, "%s: cannot lock or read the journal: %s", path, strerror(errno));
		goto out;
	}
	if (len && mine[len - 1] != '\n')	/* a torn last line: cut off, as before an append */
		while (len && mine[len - 1] != '\n')
			len--;
	if (len == 0)
		buf_adds(&add, JOURNAL_HEAD);
	for (const char *l = theirs; *l;) {
		const char *nl = strchr(l, '\n');
		size_t n = nl ? (size_t)(nl - l) + 1 : 0;
		int have = 0;
		struct journal_entry x;
		char *line;

		if (nl == NULL)
			break;	/* torn: not taken */
		line = xstrndup(l, n - 1);
		/* a whole line of mine, the same (searched before journal_line_parse
		 * splits LINE at its tabs) */
		for (const char *p = mine; !have && (p = strstr(p, line)) != NULL; p++)
			have = (p == mine || p[-1] == '\n') && p[n - 1] == '\n';
		if (line[0] != '#' && line[0] && journal_line_parse(line, &x) == 0) {
			if (!have)
				buf_add(&add, l, n);
			free(x.time);
			free(x.who);
			free(x.key);
			free(x.old);
			free(x.new);
		}
		free(line);
		l += n;
	}
	if (ftruncate(fd, (off_t)len) < 0 || lseek(fd, 0, SEEK_END) < 0 ||
	    (add.len && save_write_all(fd, add.data, add.len) < 0) || fsync(fd) < 0) {
		err_set(e, "%s: cannot be written: %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	close(fd);
out_nofd:
	buf_free(&add);
	free(mine);
	free(theirs);
	free(path);
	free(from);
	return rc;
}
