/* insp_create.c - a new inspection folder, and a copy of one (see
 * insp.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "model/insp.h"
#include "model/insp_parts.h"
#include "store/iniw.h"
#include "store/save.h"
#include "base/stamp.h"
#include "base/xalloc.h"

/* fsync the directory that holds PATH, so that a new entry in it survives
 * a crash. */
static void
sync_parent(const char *path)
{
	char *parent = xstrdup(path);
	char *slash = strrchr(parent, '/');
	int fd;

	if (slash == NULL)
		strcpy(parent, ".");
	else if (slash == parent)
		slash[1] = '\0';
	else
		*slash = '\0';
	fd = open(parent, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(parent);
}

static int
make_dir(const char *path, struct err *e)
{
	if (mkdir(path, 0700) == 0) {
		sync_parent(path);
		return 0;
	}
	if (errno == EEXIST) {
		struct stat st;

		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			return 0;
		return err_set(e, "%s: exists and is not a directory", path);
	}
	return err_set(e, "%s: cannot create the directory: %s", path, strerror(errno));
}

int
insp_create(const char *dir, const char *forms_dir, const char *framework_id,
    const char *service, const char *lead, const char *fieldwork_start,
    const char *fieldwork_end, struct err *e)
{
	struct inspection in = { 0 };
	char created[32];
	char *cases;
	int rc;

	if (insp_fieldwork_check(fieldwork_start, fieldwork_end, e) < 0)
		return -1;
	in.path = xasprintf("%s/%s", dir, INSP_FILE);
	if (access(in.path, F_OK) == 0) {
		err_set(e, "%s: already exists: %s holds an inspection", in.path, dir);
		free(in.path);
		return -1;
	}
	if (form_load_id(&in.form, forms_dir, framework_id, e) < 0) {
		free(in.path);
		return -1;
	}
	cases = xasprintf("%s/cases", dir);
	rc = make_dir(dir, e);
	if (rc == 0)
		rc = make_dir(cases, e);
	if (rc == 0) {
		stamp_now(created, sizeof created, 0);
		in.service = (char *)(uintptr_t)service;
		in.lead = (char *)(uintptr_t)lead;
		in.fieldwork_start = (char *)(uintptr_t)fieldwork_start;
		in.fieldwork_end = (char *)(uintptr_t)fieldwork_end;
		in.created = created;
		struct iniw w;

		iniw_init(&w);
		insp_text(&in, &w);
		/* never over another's, made meanwhile */
		rc = save_file_new(in.path, iniw_text(&w), iniw_len(&w), e);
		iniw_free(&w);
	}
	if (rc == 0)
		rc = insp_git_files(dir, e);
	free(cases);
	free(in.path);
	form_free(&in.form);
	return rc;
}

static int
copy_file(const char *from, const char *to, struct err *e)
{
	FILE *fp = fopen(from, "rb");
	struct buf data = BUF_INIT;
	char chunk[8192];
	size_t n;
	int rc;

	if (fp == NULL)
		return err_set(e, "%s: cannot read: %s", from, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&data, chunk, n);
	if (ferror(fp)) {
		fclose(fp);
		buf_free(&data);
		return err_set(e, "%s: read error", from);
	}
	fclose(fp);
	rc = save_file_new(to, buf_str(&data), data.len, e);	/* never over a file */
	buf_free(&data);
	return rc;
}

static int
dir_is_empty(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int empty = 1;

	if (d == NULL)
		return 1;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

int
insp_copy(const char *src, const char *dst, struct err *e)
{
	struct problems p = PROBLEMS_INIT;
	char **names;
	char *from, *to;
	int rc;

	from = xasprintf("%s/%s", src, INSP_FILE);
	if (access(from, R_OK) != 0) {
		err_set(e, "%s: %s", from, strerror(errno));
		free(from);
		return -1;
	}
	if (!dir_is_empty(dst)) {
		free(from);
		return err_set(e, "%s: is not empty: will not copy an inspection over it", dst);
	}
	to = xasprintf("%s/cases", dst);
	rc = make_dir(dst, e);
	if (rc == 0)
		rc = make_dir(to, e);
	free(to);
	to = xasprintf("%s/%s", dst, INSP_FILE);
	if (rc == 0)
		rc = copy_file(from, to, e);
	free(from);
	free(to);
	names = insp_list_cases(src, &p);
	for (size_t i = 0; names[i]; i++) {
		if (rc == 0) {
			from = xasprintf("%s/cases/%s", src, names[i]);
			to = xasprintf("%s/cases/%s", dst, names[i]);
			rc = copy_file(from, to, e);
			free(from);
			free(to);
		}
		free(names[i]);
	}
	free(names);
	if (rc == 0 && p.nerrors)
		rc = err_set(e, "%s", p.v[0].msg);
	if (rc == 0)
		rc = insp_git_files(dst, e);
	problems_free(&p);
	return rc;
}
