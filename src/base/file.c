/* file.c - whole files read into memory (see file.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"

char *
file_read_fd(int fd, size_t max, int flags, size_t *len)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	ssize_t r;

	buf_adds(&b, "");
	for (;;) {
		size_t want = sizeof chunk;

		if ((flags & FILE_HEAD) && max - b.len < want)
			want = max - b.len;
		if (want == 0)
			break;
		r = read(fd, chunk, want);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int saved = errno;

			buf_free(&b);
			errno = saved;
			return NULL;
		}
		if (r == 0)
			break;
		buf_add(&b, chunk, (size_t)r);
		if (b.len > max) {
			buf_free(&b);
			errno = EFBIG;
			return NULL;
		}
	}
	if (len != NULL)
		*len = b.len;
	return buf_take(&b);
}

char *
file_read(const char *path, size_t max, int flags, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	char *text;
	int saved;

	if (fd == -1)
		return NULL;
	if (fstat(fd, &st) == -1)
		saved = errno;
	else if (!S_ISREG(st.st_mode))
		saved = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	else
		saved = 0;
	if (saved != 0) {
		close(fd);
		errno = saved;
		return NULL;
	}
	text = file_read_fd(fd, max, flags, len);
	saved = errno;
	close(fd);
	errno = saved;
	return text;
}
