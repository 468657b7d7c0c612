/* file.h - the one way a whole file is read into memory.
 *
 * Every reader of a whole file (a case file for its journal, an ini file to
 * parse, a journal under its lock, git's index, a child's output) goes
 * through file_read or file_read_fd, so there is one answer to "what if it
 * is not a file, is too big, or fails half-way": half a file is never
 * returned as the file.
 */
#ifndef YJ_FILE_H
#define YJ_FILE_H

#include <stddef.h>
#include <stdint.h>

/* MAX for a reader that takes a file of any size */
#define FILE_ANY_SIZE SIZE_MAX

/* FLAGS: a file longer than MAX gives its first MAX bytes (rather than
 * failing with EFBIG) */
#define FILE_HEAD 1

/* The bytes of the open FD from where it stands to its end (EINTR is
 * retried), NUL-terminated, in a new string the caller frees; *LEN (when
 * LEN is not NULL) its length, which counts any NUL bytes inside it. An
 * empty file gives "". More than MAX bytes fails with EFBIG, or with
 * FILE_HEAD gives the first MAX. NULL with errno set when a read fails
 * (what was read is dropped). FD stays open and the caller's. */
char *file_read_fd(int fd, size_t max, int flags, size_t *len);

/* The whole of the regular file at PATH, as file_read_fd. It is opened
 * without blocking and refused unless it is a regular file (errno EISDIR
 * for a directory, EINVAL for a pipe or device), so a FIFO where a file
 * belongs never hangs the reader. NULL with errno set (ENOENT when there
 * is no such file). */
char *file_read(const char *path, size_t max, int flags, size_t *len);

#endif
