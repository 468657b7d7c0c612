/* edit_restore.c - a case as it was at a time, rebuilt from its journal
 * and saved as a new change (see edit.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "model/edit.h"
#include "store/conflict.h"
#include "store/inikeep.h"
#include "store/journal.h"
#include "store/save.h"
#include "base/xalloc.h"

/* ---- a case restored from its journal ---- */

int
edit_restore(struct inspection *in, size_t ci, const char *at, const char *who,
    struct err *e)
{
	struct case_file *cur = &in->cases[ci], c;
	struct problems p = PROBLEMS_INIT;
	struct journal j;
	char *text = NULL, *tmp = NULL, *old = NULL, *kept;
	int fd = -1, rc = -1, reloaded;
	size_t len;

	for (size_t i = 0; i < 4; i++)
		if (at[i] < '0' || at[i] > '9')
			return err_set(e, "restore --at '%s': not a time (an ISO time in UTC as "
			    "history lists them, or its start: 2026-12-03T11:48)", at);
	if (journal_read(cur->path, &j, e) < 0)
		return -1;
	if (j.n == 0 || strncmp(j.v[0].time, at, strlen(at)) > 0) {
		err_set(e, "%s: its journal %s%s: nothing to restore at %s", cur->path,
		    j.n ? "begins at " : "is empty", j.n ? j.v[0].time : "", at);
		journal_free(&j);
		return -1;
	}
	text = journal_text(&j, at, 0);
	journal_free(&j);
	len = strlen(text);
	/* what is rebuilt must load as a case file, beside the case (hidden:
	 * no listing sees it) */
	tmp = xasprintf("%s/cases/.restore.XXXXXX", in->dir);
	if ((fd = mkstemp(tmp)) < 0 || write(fd, text, len) != (ssize_t)len) {
		err_set(e, "%s: cannot write: %s", tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	if (close(fd) < 0) {
		err_set(e, "%s: cannot write: %s", tmp, strerror(errno));
		goto out;
	}
	if (case_load(&c, &in->form, tmp, &p) < 0 || p.nerrors) {
		err_set(e, "%s as it was at %s does not load: %s", cur->path, at,
		    p.n ? p.v[0].msg : "?");
		if (c.path)
			case_free(&c, &in->form);
		goto out;
	}
	case_free(&c, &in->form);
	if (case_lock(cur, e) < 0)
		goto out;
	old = file_read(cur->path, FILE_ANY_SIZE, 0, NULL);
	/* the comments of the file as it is come through */
	if ((kept = inikeep(old, text, CONFLICT_NOTE_LINE "\n", &len)) != NULL) {
		free(text);
		text = kept;
	}
	if (journal_record(cur->path, old, text, who, e) == 0 &&
	    save_file_held(cur->path, text, len, e) == 0 &&
	    case_refresh(cur, &in->form, &reloaded, e) == 0)
		rc = 0;
	case_unlock(cur);
out:
	unlink(tmp);
	free(tmp);
	free(text);
	free(old);
	problems_free(&p);
	return rc;
}
