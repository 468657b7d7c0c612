/* insp_git.c - the files that make an inspection folder ready for git
 * (see insp.h). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "model/insp.h"
#include "store/save.h"
#include "base/xalloc.h"

/* The files that make the folder ready for git (a team's laptops brought
 * together): what merges how, and what is one machine's own. Made beside
 * inspection.ini by insp_create and insp_copy; never over a file. */
static const char git_attributes[] =
    "# yjinspect: each case's journal (NAME.journal) is only ever appended to:\n"
    "# a merge keeps both sides' lines (their times put them in order)\n"
    "*.journal merge=union\n"
    "# each case file and inspection.ini are merged key by key by yjinspect\n"
    "# (conflicts kept in the file, never silent: yjinspect team init sets it up)\n"
    "*.ini merge=yjinspect\n";
static const char git_ignore[] =
    "# yjinspect: one machine's own state, not the inspection's: save locks,\n"
    "# each inspector's place, files being saved or restored\n"
    "# (the locks are in a .locks folder beside the files; *.lock is for\n"
    "# folders written by an older yjinspect, which kept each beside its file)\n"
    ".locks/\n"
    "*.lock\n"
    ".yjinspect-place-*\n"
    ".*\n"
    "!.gitignore\n"
    "!.gitattributes\n";

int
insp_git_files(const char *dir, struct err *e)
{
	char *a = xasprintf("%s/.gitattributes", dir), *i = xasprintf("%s/.gitignore", dir);
	char *have = NULL;
	int rc = 0;

	if (access(a, F_OK) != 0)
		rc = save_file_new(a, git_attributes, sizeof git_attributes - 1, e);
	else if ((have = file_read(a, FILE_ANY_SIZE, 0, NULL)) == NULL)
		rc = err_set(e, "%s: cannot be read: %s", a, strerror(errno));
	else if (strstr(have, "merge=yjinspect") == NULL) {
		/* a folder made before the merge driver: its line added */
		char *more = xasprintf("%s%s%s", have, *have && have[strlen(have) - 1] != '\n' ?
		    "\n" : "", strstr(git_attributes, "# each case file"));

		rc = save_file(a, more, strlen(more), e);
		free(more);
	}
	free(have);
	if (rc == 0 && access(i, F_OK) != 0)
		rc = save_file_new(i, git_ignore, sizeof git_ignore - 1, e);
	free(a);
	free(i);
	return rc;
}
